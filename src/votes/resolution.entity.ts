import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A UN General Assembly resolution on the implementation of the Convention, with its recorded vote totals. */
@Entity('resolutions')
export class ResolutionEntity {
  @PrimaryColumn('text')
  symbol: string;

  @Column('int')
  session: number;

  @Column('date', { name: 'adopted_on' })
  adoptedOn: string;

  @Column('text')
  title: string;

  @Column('int')
  yes: number;

  @Column('int')
  no: number;

  @Column('int')
  abstain: number;

  @Column('int', { name: 'non_voting' })
  nonVoting: number;

  @Column('text', { nullable: true })
  source: string | null;
}
