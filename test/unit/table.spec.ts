import { Column, Entity, PrimaryColumn } from 'typeorm';
import { ContactEntity } from '../../src/contacts/contact.entity.js';
import { Owned } from '../../src/database/owned.js';
import { table } from '../../src/database/table.js';
import { GROUPING_COLUMNS } from '../../src/groupings/groupings.repository.js';

/** A table of this spec's own, on the shared ownership base. */
@Entity('briefings')
class BriefingEntity extends Owned('briefings', { optional: false }) {
  @PrimaryColumn('uuid')
  id: string;

  @Column('char', { name: 'state_iso3', length: 3 })
  stateIso3: string;

  @Column('text')
  text: string;
}

const briefings = table(BriefingEntity);

describe('a table declared once', () => {
  it('takes its name from @Entity', () => {
    expect(briefings.name).toBe('briefings');
    expect(table(ContactEntity).name).toBe('contacts');
  });

  it('selects every column under its property name, its own first, then the ownership base', () => {
    expect(briefings.select('b')).toBe(
      'b.id, b.state_iso3 AS "stateIso3", b.text, b.organization_id AS "organizationId", b.created_by AS "createdBy", b.version, ' +
        'b.created_at AS "createdAt", b.updated_at AS "updatedAt"',
    );
  });

  it('gives the same list unqualified for a RETURNING clause', () => {
    expect(briefings.returning()).toBe(
      'id, state_iso3 AS "stateIso3", text, organization_id AS "organizationId", created_by AS "createdBy", version, created_at AS "createdAt", updated_at AS "updatedAt"',
    );
  });

  it('leaves out, renames and adds columns as the projection says, computed ones last', () => {
    const projection = {
      omit: ['createdBy', 'updatedAt'] as const,
      as: { stateIso3: 'iso3', organizationId: 'organizationId' },
      extra: (q: string) => [`length(${q}text) AS "length"`],
    };
    expect(briefings.select('b', projection)).toBe(
      'b.id, b.state_iso3 AS "iso3", b.text, b.organization_id AS "organizationId", b.version, b.created_at AS "createdAt", length(b.text) AS "length"',
    );
    expect(briefings.returning(projection)).toBe(
      'id, state_iso3 AS "iso3", text, organization_id AS "organizationId", version, created_at AS "createdAt", length(text) AS "length"',
    );
  });

  it("writes an INSERT's columns in the order asked for", () => {
    expect(briefings.columns('id', 'text', 'stateIso3', 'createdBy')).toBe('id, text, state_iso3, created_by');
  });

  it("writes an INSERT of one row: the row's properties in its order, under their columns, undefined ones left out", () => {
    expect(briefings.insert({ id: 'b1', text: 'Agenda', stateIso3: 'VUT', createdBy: undefined })).toEqual([
      'INSERT INTO briefings (id, text, state_iso3) VALUES ($1, $2, $3)',
      ['b1', 'Agenda', 'VUT'],
    ]);
  });

  it('accepts a property by the name the projection reads it under, and answers the row as that projection reads it', () => {
    const projection = { as: { createdBy: 'createdById' }, omit: ['updatedAt'] as const };
    expect(briefings.insertReturning({ id: 'b1', createdById: 'u1', text: null }, projection)).toEqual([
      'INSERT INTO briefings (id, created_by, text) VALUES ($1, $2, $3) RETURNING ' + briefings.returning(projection),
      ['b1', 'u1', null],
    ]);
  });

  it('refuses to insert a property that is not a column', () => {
    expect(() => briefings.insert({ id: 'b1', author: 'u1' })).toThrow('briefings has no column for author');
  });

  it('maps input fields to their columns for updateVersioned', () => {
    expect(briefings.columnMap('text', 'stateIso3')).toEqual({ text: 'text', stateIso3: 'state_iso3' });
  });

  it('refuses a property that is not a column', () => {
    expect(() => briefings.column('creator' as 'text')).toThrow('briefings has no column for creator');
  });

  it('refuses a class that is not an entity', () => {
    class Plain {
      id: string;
    }
    expect(() => table(Plain)).toThrow('Plain is not an entity');
  });

  it("keeps a grouping's columns in the order a mandate's handed-over target lists are read alongside them", () => {
    expect(GROUPING_COLUMNS).toBe(
      'g.id, g.name, g.description, g.created_by AS "createdById", g.version, g.created_at AS "createdAt", g.updated_at AS "updatedAt"',
    );
  });
});
