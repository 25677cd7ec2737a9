import type { MigrationInterface, QueryRunner } from 'typeorm';
import { KINDS_AFTER_EVENT_AND_CAMPAIGN_EDITS } from './1795870000000-event-and-campaign-edits.js';
import { activityKindsAdded } from './activity-kinds.js';

/** Planned meetings can be corrected and deleted: the activity feed reports both. */
const { up: UP, down: DOWN } = activityKindsAdded(KINDS_AFTER_EVENT_AND_CAMPAIGN_EDITS, ['MEETING_CHANGED', 'MEETING_DELETED']);

export class PlannedMeetingEdits1795880000000 implements MigrationInterface {
  name = 'PlannedMeetingEdits1795880000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of UP) await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const statement of DOWN) await queryRunner.query(statement);
  }
}
