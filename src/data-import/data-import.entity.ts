import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** One completed run of the public-data importer, with the checksum of the files it read. */
@Entity('data_imports')
export class DataImportEntity {
  @PrimaryColumn('uuid')
  id: string;

  @Column('text')
  checksum: string;

  @Column('jsonb')
  summary: Record<string, unknown>;

  @CreateDateColumn({ name: 'imported_at', type: 'timestamptz' })
  importedAt: Date;
}
