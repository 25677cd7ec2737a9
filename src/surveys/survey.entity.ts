import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Unique } from 'typeorm';
import { LetterCampaignEntity } from '../campaigns/letter-campaign.entity.js';
import { ObstacleCategory, Visibility } from '../common/enums.js';
import { Owned } from '../database/owned.js';
import { Recorded } from '../database/recorded.js';
import { ObstacleEntity } from '../obstacles/obstacle.entity.js';
import { StateEntity } from '../states/state.entity.js';
import { MandateEntity } from '../work-plans/mandate.entity.js';

/** A questionnaire on the obstacles to joining, sent to chosen States through its letter campaign. */
@Entity('surveys')
export class SurveyEntity extends Owned('surveys', { optional: true, organizationOnDelete: 'SET NULL' }) {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text')
  name: string;

  /** The letter campaign that sends it (letters and follow-ups). */
  @Column('uuid', { name: 'campaign_id', nullable: true })
  campaignId: string | null;

  @ManyToOne(() => LetterCampaignEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'campaign_id', foreignKeyConstraintName: 'fk_surveys_campaign' })
  campaign?: LetterCampaignEntity;

  @Column({ type: 'enum', enum: Visibility, enumName: 'visibility', default: Visibility.COORDINATORS })
  visibility: Visibility;

  @Column('uuid', { name: 'mandate_id', nullable: true })
  mandateId: string | null;

  @ManyToOne(() => MandateEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'mandate_id', foreignKeyConstraintName: 'fk_surveys_mandate' })
  mandate?: MandateEntity;
}

/** A question of a survey, in its position; its category says which kind of obstacle an answer opens. */
@Entity('survey_questions')
@Unique('ux_survey_questions_position', ['surveyId', 'position'])
export class SurveyQuestionEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'survey_id' })
  surveyId: string;

  @ManyToOne(() => SurveyEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'survey_id', foreignKeyConstraintName: 'fk_survey_questions_survey' })
  survey?: SurveyEntity;

  @Column('int')
  position: number;

  @Column('text')
  text: string;

  @Column({ type: 'enum', enum: ObstacleCategory, enumName: 'obstacle_category', nullable: true })
  category: ObstacleCategory | null;

  @Column('text', { array: true })
  choices: string[];

  @Column('boolean', { name: 'allows_text', default: true })
  allowsText: boolean;
}

/** The States a survey is sent to. */
@Entity('survey_states')
export class SurveyStateEntity {
  @PrimaryColumn('uuid', { name: 'survey_id' })
  surveyId: string;

  @PrimaryColumn('char', { name: 'state_iso3', length: 3 })
  stateIso3: string;

  @ManyToOne(() => SurveyEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'survey_id', foreignKeyConstraintName: 'fk_survey_states_survey' })
  survey?: SurveyEntity;

  @ManyToOne(() => StateEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'state_iso3', foreignKeyConstraintName: 'fk_survey_states_state' })
  state?: StateEntity;
}

/** A State's answer to a question, as a coordinator recorded it from the reply; one per question, State and organization. */
@Entity('survey_answers')
@Unique('ux_survey_answers_one_per_organization', ['questionId', 'stateIso3', 'organizationId'])
@Index('ix_survey_answers_survey', ['surveyId'])
export class SurveyAnswerEntity extends Recorded('survey_answers') {
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid', { name: 'survey_id' })
  surveyId: string;

  @ManyToOne(() => SurveyEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'survey_id', foreignKeyConstraintName: 'fk_survey_answers_survey' })
  survey?: SurveyEntity;

  @Column('uuid', { name: 'question_id' })
  questionId: string;

  @ManyToOne(() => SurveyQuestionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'question_id', foreignKeyConstraintName: 'fk_survey_answers_question' })
  question?: SurveyQuestionEntity;

  @Column('char', { name: 'state_iso3', length: 3 })
  stateIso3: string;

  @ManyToOne(() => StateEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'state_iso3', foreignKeyConstraintName: 'fk_survey_answers_state' })
  state?: StateEntity;

  @Column('text', { nullable: true })
  choice: string | null;

  @Column('text', { nullable: true })
  text: string | null;

  @Column('date', { name: 'answered_on' })
  answeredOn: string;

  /** The obstacle this answer opened in the register, if any. */
  @Column('uuid', { name: 'obstacle_id', nullable: true })
  obstacleId: string | null;

  @ManyToOne(() => ObstacleEntity, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'obstacle_id', foreignKeyConstraintName: 'fk_survey_answers_obstacle' })
  obstacle?: ObstacleEntity;
}
