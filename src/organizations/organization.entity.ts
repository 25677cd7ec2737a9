import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';
import { OrganizationKind } from '../common/enums.js';

@Entity('organizations')
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
