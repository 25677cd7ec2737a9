import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { UserEntity } from '../users/user.entity.js';

/** When a user last read the activity feed (`markActivityRead`): what is newer is unread. */
@Entity('activity_reads')
export class ActivityReadEntity {
  @PrimaryColumn('uuid', { name: 'user_id', primaryKeyConstraintName: 'pk_activity_reads' })
  userId: string;

  @ManyToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_activity_reads_user' })
  user?: UserEntity;

  @Column('timestamptz', { name: 'read_at' })
  readAt: Date;
}
