import { Check, Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { UserEntity } from '../users/user.entity.js';
import { LetterCampaignEntity } from './letter-campaign.entity.js';

/** A campaign's Word template in one language: the letters are filled from it. Seen by whoever sees the campaign. */
@Entity('letter_templates')
@Check('ck_letter_templates_language', `language IN ('en', 'fr', 'es')`)
@Check('ck_letter_templates_size', `octet_length(content) <= 4194304`)
export class LetterTemplateEntity {
  @PrimaryColumn('uuid', { name: 'campaign_id' })
  campaignId: string;

  /** en, fr or es. */
  @PrimaryColumn('text')
  language: string;

  @ManyToOne(() => LetterCampaignEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'campaign_id', foreignKeyConstraintName: 'fk_letter_templates_campaign' })
  campaign?: LetterCampaignEntity;

  @Column('text', { name: 'file_name' })
  fileName: string;

  /** The .docx file (at most LETTER_TEMPLATE_LIMIT_BYTES; the database refuses more than 4 MiB). */
  @Column('bytea')
  content: Buffer;

  /** The placeholders the template uses, read when it was uploaded. */
  @Column('text', { array: true })
  placeholders: string[];

  @Column('uuid', { name: 'uploaded_by' })
  uploadedBy: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'uploaded_by', foreignKeyConstraintName: 'fk_letter_templates_uploaded_by' })
  uploader?: UserEntity;

  @CreateDateColumn({ name: 'uploaded_at', type: 'timestamptz' })
  uploadedAt: Date;
}
