import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import { OrganizationKind } from '../common/enums.js';

@Entity('organizations')
// Trigram index on ratify_search_key(name), for search (migrations/1795960000000-search.ts).
@Index('ix_organizations_search', { synchronize: false })
export class OrganizationEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Index('uq_organizations_name', { unique: true })
  @Column('text')
  name: string;

  @Column({ type: 'enum', enum: OrganizationKind, enumName: 'organization_kind' })
  kind: OrganizationKind;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
