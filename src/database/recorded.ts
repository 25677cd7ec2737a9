import { Column, JoinColumn, ManyToOne } from 'typeorm';
import { Visibility } from '../common/enums.js';
import { OrganizationEntity } from '../organizations/organization.entity.js';
import { UserEntity } from '../users/user.entity.js';
import { MandateEntity } from '../work-plans/mandate.entity.js';
import { VersionedEntity } from './owned.js';

/**
 * A finding a user records about a State for their organization (an obstacle, a survey answer):
 * who recorded it, who sees it, the organization and the mandate it belongs to, then the version
 * and timestamps. The foreign keys are the table's own (`fk_<table>_recorded_by`, …), hence a base
 * made for each table, as `Owned` is (src/database/owned.ts). Kept apart from that file, which
 * `MandateEntity` itself extends.
 */
export function Recorded(table: string) {
  abstract class RecordedEntity extends VersionedEntity {
    /** Who recorded it: null once their account is deleted. */
    @Column('uuid', { name: 'recorded_by', nullable: true })
    recordedBy: string | null;

    @ManyToOne(() => UserEntity, { onDelete: 'SET NULL' })
    @JoinColumn({ name: 'recorded_by', foreignKeyConstraintName: `fk_${table}_recorded_by` })
    recorder?: UserEntity;

    /** Who sees it at all: the interaction rule, with this organization. */
    @Column({ type: 'enum', enum: Visibility, enumName: 'visibility', default: Visibility.COORDINATORS })
    visibility: Visibility;

    /** The organization of the user who recorded it. */
    @Column('uuid', { name: 'organization_id', nullable: true })
    organizationId: string | null;

    @ManyToOne(() => OrganizationEntity, { onDelete: 'SET NULL' })
    @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: `fk_${table}_organization` })
    organization?: OrganizationEntity;

    /** The mandate whose work it is (see "Who sees what"): its organizations share it, and read it when its visibility is MANDATE. */
    @Column('uuid', { name: 'mandate_id', nullable: true })
    mandateId: string | null;

    @ManyToOne(() => MandateEntity, { onDelete: 'SET NULL' })
    @JoinColumn({ name: 'mandate_id', foreignKeyConstraintName: `fk_${table}_mandate` })
    mandate?: MandateEntity;
  }
  return RecordedEntity;
}
