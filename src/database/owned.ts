import { Column, CreateDateColumn, JoinColumn, ManyToOne, UpdateDateColumn } from 'typeorm';
import { OrganizationEntity } from '../organizations/organization.entity.js';
import { UserEntity } from '../users/user.entity.js';

/**
 * The columns of a row that users correct under optimistic locking (src/common/versioned-update.ts):
 * its version and when it was created and last changed. Entities extend it, so that these columns
 * come last in each table's column lists (src/database/table.ts).
 */
export abstract class VersionedEntity {
  @Column('int', { default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}

/** Whether a table's ownership columns may be null, and so what deleting their organization or user does. */
interface Ownership<Optional extends boolean> {
  /** Rows that may have no organization and no creator (kept with null when the user is deleted). */
  optional: Optional;
  /** What deleting the organization does to its rows: RESTRICT unless given. */
  organizationOnDelete?: 'RESTRICT' | 'SET NULL';
}

type Owner<Optional extends boolean> = Optional extends true ? string | null : string;

/**
 * A versioned row owned by an organization and written by a user: `organizationId` and `createdBy`,
 * then the version and timestamps. The foreign keys are the table's own (`fk_<table>_organization`,
 * `fk_<table>_created_by`), hence a base made for each table: `class ContactEntity extends
 * Owned('contacts', { optional: true })`.
 */
export function Owned<Optional extends boolean>(table: string, { optional, organizationOnDelete = 'RESTRICT' }: Ownership<Optional>) {
  abstract class OwnedEntity extends VersionedEntity {
    @Column('uuid', { name: 'organization_id', nullable: optional })
    organizationId: Owner<Optional>;

    @ManyToOne(() => OrganizationEntity, { onDelete: organizationOnDelete })
    @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: `fk_${table}_organization` })
    organization?: OrganizationEntity;

    @Column('uuid', { name: 'created_by', nullable: optional })
    createdBy: Owner<Optional>;

    @ManyToOne(() => UserEntity, { onDelete: optional ? 'SET NULL' : 'RESTRICT' })
    @JoinColumn({ name: 'created_by', foreignKeyConstraintName: `fk_${table}_created_by` })
    creator?: UserEntity;
  }
  return OwnedEntity;
}
