import { Column, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { ConsentType, RatificationStage, RegionalGroup } from '../common/enums.js';

/**
 * A State with its treaty actions as recorded by the UN Treaty Collection.
 * Treaty status is not stored: it is computed from these dates (see treaty-status.ts).
 * Dates are ISO strings (YYYY-MM-DD).
 */
@Entity('states')
// Trigram index on ratify_search_key(name) (see migrations/1795960000000-search.ts).
@Index('ix_states_search', { synchronize: false })
export class StateEntity {
  @PrimaryColumn('char', { length: 3 })
  iso3: string;

  @Column('char', { length: 2, nullable: true })
  iso2: string | null;

  @Column('text')
  name: string;

  @Column('boolean', { name: 'un_member' })
  unMember: boolean;

  @Column({ name: 'regional_group', type: 'enum', enum: RegionalGroup, enumName: 'regional_group', nullable: true })
  regionalGroup: RegionalGroup | null;

  @Column('text', { name: 'm49_region', nullable: true })
  m49Region: string | null;

  @Column('text', { nullable: true })
  subregion: string | null;

  @Column('char', { name: 'm49_code', length: 3, nullable: true })
  m49Code: string | null;

  @Column('text', { name: 'intermediate_region', nullable: true })
  intermediateRegion: string | null;

  /** The UN language (en, fr or es) the State usually writes in, for letters (see data/SOURCES.md). */
  @Column('text', { name: 'un_language', nullable: true })
  unLanguage: string | null;

  @Column('date', { name: 'signature_date', nullable: true })
  signatureDate: string | null;

  @Column('date', { name: 'consent_date', nullable: true })
  consentDate: string | null;

  @Column({ name: 'consent_type', type: 'enum', enum: ConsentType, enumName: 'consent_type', nullable: true })
  consentType: ConsentType | null;

  @Column('date', { name: 'withdrawal_date', nullable: true })
  withdrawalDate: string | null;

  /** The dates as the treaty record file gives them; the columns above add the recorded treaty actions. */
  @Column('date', { name: 'file_signature_date', nullable: true })
  fileSignatureDate: string | null;

  @Column('date', { name: 'file_consent_date', nullable: true })
  fileConsentDate: string | null;

  @Column({ name: 'file_consent_type', type: 'enum', enum: ConsentType, enumName: 'consent_type', nullable: true })
  fileConsentType: ConsentType | null;

  @Column('date', { name: 'file_withdrawal_date', nullable: true })
  fileWithdrawalDate: string | null;

  /** The date of the treaty record these dates were read from. */
  @Column('date', { name: 'status_as_of', nullable: true })
  statusAsOf: string | null;

  @Column({
    name: 'ratification_stage',
    type: 'enum',
    enum: RatificationStage,
    enumName: 'ratification_stage',
    default: RatificationStage.NOT_ENGAGED,
  })
  ratificationStage: RatificationStage;

  @Column('int', { default: 1 })
  version: number;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
