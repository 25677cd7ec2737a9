import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Posting, Visibility } from '../common/enums.js';
import { VersionedEntity } from '../database/owned.js';
import { InteractionEntity } from '../interactions/interaction.entity.js';
import { OrganizationEntity } from '../organizations/organization.entity.js';
import { StateEntity } from '../states/state.entity.js';
import { UserEntity } from '../users/user.entity.js';
import { MandateEntity } from '../work-plans/mandate.entity.js';

/** A letter sent on one date to many States, from one template: one LETTER interaction per State. */
@Entity('letter_campaigns')
@Index('ix_letter_campaigns_recent', ['sendingDate', 'id'])
@Index('ix_letter_campaigns_organization', ['organizationId'])
export class LetterCampaignEntity extends VersionedEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text')
  name: string;

  /** Where the letter's text lives (a document reference, a file name). */
  @Column('text', { name: 'template_ref' })
  templateRef: string;

  @Column('date', { name: 'sending_date' })
  sendingDate: string;

  /** The campaign's and its letters' visibility, by the interaction rule. */
  @Column({ type: 'enum', enum: Visibility, enumName: 'visibility' })
  visibility: Visibility;

  @Column('uuid', { name: 'organization_id' })
  organizationId: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'fk_letter_campaigns_organization' })
  organization?: OrganizationEntity;

  @Column('uuid', { name: 'owner_id' })
  ownerId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'owner_id', foreignKeyConstraintName: 'fk_letter_campaigns_owner' })
  owner?: UserEntity;

  /** The mandate whose work it is (see "Who sees what"): its organizations share it, and read it when its visibility is MANDATE. */
  @Column('uuid', { name: 'mandate_id', nullable: true })
  mandateId: string | null;

  @ManyToOne(() => MandateEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'mandate_id', foreignKeyConstraintName: 'fk_letter_campaigns_mandate' })
  mandate?: MandateEntity;
}

/** One State's letter in a campaign: the LETTER interaction, and to whom it was addressed. */
@Entity('campaign_letters')
@Index('ux_campaign_letters_interaction', ['interactionId'], { unique: true })
@Index('ix_campaign_letters_state', ['stateIso3'])
export class CampaignLetterEntity {
  @PrimaryColumn('uuid', { name: 'campaign_id' })
  campaignId: string;

  @PrimaryColumn('char', { name: 'state_iso3', length: 3 })
  stateIso3: string;

  @ManyToOne(() => LetterCampaignEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'campaign_id', foreignKeyConstraintName: 'fk_campaign_letters_campaign' })
  campaign?: LetterCampaignEntity;

  @ManyToOne(() => StateEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'state_iso3', foreignKeyConstraintName: 'fk_campaign_letters_state' })
  state?: StateEntity;

  @Column('uuid', { name: 'interaction_id' })
  interactionId: string;

  @ManyToOne(() => InteractionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'interaction_id', foreignKeyConstraintName: 'fk_campaign_letters_interaction' })
  interaction?: InteractionEntity;

  /** The posting of the contacts it went to; null when no contact was on file or they were chosen by hand. */
  @Column({ type: 'enum', enum: Posting, enumName: 'posting', name: 'addressed_posting', nullable: true })
  addressedPosting: Posting | null;

  /** Who it was addressed to, in words, as at sending. */
  @Column('text', { name: 'addressed_to' })
  addressedTo: string;
}
