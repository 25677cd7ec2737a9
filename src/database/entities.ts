import { ActivityEventEntity } from '../activity/activity-event.entity.js';
import { ActivityReadEntity } from '../activity/activity-read.entity.js';
import { RevokedTokenEntity } from '../auth/revoked-token.entity.js';
import { AuditEntryEntity } from '../audit/audit-entry.entity.js';
import { CalendarFeedEntity } from '../calendar/calendar-feed.entity.js';
import { CampaignLetterEntity, LetterCampaignEntity } from '../campaigns/letter-campaign.entity.js';
import { LetterTemplateEntity } from '../campaigns/letter-template.entity.js';
import { ContactPostingEntity } from '../contacts/contact-posting.entity.js';
import { ContactEntity } from '../contacts/contact.entity.js';
import { DigestSubscriptionEntity, FollowedStateEntity } from '../digest/digest.entity.js';
import {
  EventAttendanceEntity,
  EventDelegateEntity,
  EventEntity,
  EventInteractionEntity,
  PlannedMeetingContactEntity,
  PlannedMeetingEntity,
} from '../events/event.entity.js';
import { IdempotencyKeyEntity } from '../idempotency/idempotency-key.entity.js';
import { GroupingEntity, GroupingStateEntity } from '../groupings/grouping.entity.js';
import { ObstacleEntity } from '../obstacles/obstacle.entity.js';
import { DataImportEntity } from '../data-import/data-import.entity.js';
import { InteractionContactEntity, InteractionStateEntity, StateInteractionCountEntity } from '../interactions/interaction-links.entity.js';
import { InteractionEntity } from '../interactions/interaction.entity.js';
import { OrganizationEntity } from '../organizations/organization.entity.js';
import { StageChangeEntity } from '../states/stage-change.entity.js';
import { StateEntity } from '../states/state.entity.js';
import { SurveyAnswerEntity, SurveyEntity, SurveyQuestionEntity, SurveyStateEntity } from '../surveys/survey.entity.js';
import { TreatyActionEntity } from '../treaty-actions/treaty-action.entity.js';
import { StateNameEntity } from '../states/state-name.entity.js';
import { UserEntity } from '../users/user.entity.js';
import { MandateEntity, ObjectiveEntity, PlannedActivityEntity } from '../work-plans/mandate.entity.js';
import { ResolutionEntity } from '../votes/resolution.entity.js';
import { VoteEntity } from '../votes/vote.entity.js';

export const ENTITIES = [
  OrganizationEntity,
  UserEntity,
  RevokedTokenEntity,
  StateEntity,
  StateNameEntity,
  StageChangeEntity,
  TreatyActionEntity,
  ResolutionEntity,
  VoteEntity,
  ContactEntity,
  ContactPostingEntity,
  InteractionEntity,
  InteractionStateEntity,
  InteractionContactEntity,
  StateInteractionCountEntity,
  DataImportEntity,
  GroupingEntity,
  GroupingStateEntity,
  ObstacleEntity,
  ActivityEventEntity,
  ActivityReadEntity,
  AuditEntryEntity,
  LetterCampaignEntity,
  CampaignLetterEntity,
  LetterTemplateEntity,
  CalendarFeedEntity,
  EventEntity,
  EventAttendanceEntity,
  EventDelegateEntity,
  EventInteractionEntity,
  PlannedMeetingEntity,
  PlannedMeetingContactEntity,
  MandateEntity,
  ObjectiveEntity,
  PlannedActivityEntity,
  IdempotencyKeyEntity,
  DigestSubscriptionEntity,
  FollowedStateEntity,
  SurveyEntity,
  SurveyQuestionEntity,
  SurveyStateEntity,
  SurveyAnswerEntity,
];
