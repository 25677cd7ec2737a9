import { codes, ok, startTestApp, type TestApp } from '../support/app.js';
import { createCast, type Cast } from '../support/fixtures.js';

const nodes = (connection: any) => connection.edges.map((edge: any) => edge.node);

/**
 * Search finds what users type: a code only when the whole search is one, words of the name or of a
 * former or short name otherwise, accents and case ignored, the closest first; everywhere the same.
 */
describe('Search', () => {
  let t: TestApp;
  let cast: Cast;

  const query = (source: string, variables: Record<string, unknown> = {}, token = cast.france.token) => t.gql(source, variables, token);
  const states = async (search: string) =>
    nodes(
      ok(
        await query('query($filter: StateFilter) { states(first: 200, filter: $filter) { edges { node { iso3 } } } }', {
          filter: { search },
        }),
      ).states,
    ).map((s: any) => s.iso3);
  const targets = async (search: string) =>
    ok(
      await query('query($filter: TargetFilter) { targets(first: 200, filter: $filter) { edges { node { state { iso3 } } } } }', {
        filter: { search, treatyStatuses: ['STATE_PARTY', 'SIGNATORY', 'NOT_SIGNED', 'WITHDRAWN'] },
      }),
    ).targets.edges.map((edge: any) => edge.node.state.iso3);

  beforeAll(async () => {
    t = await startTestApp();
    cast = await createCast(t);
  });

  afterAll(async () => {
    await t?.close();
  });

  describe('States', () => {
    it('matches a name by its words, not its first three letters against codes', async () => {
      expect(await states('Indonesia')).toEqual(['IDN']);
      expect(await states('Austria')).toEqual(['AUT']);
      expect(await states('Marshall')).toEqual(['MHL']);
      expect(await states('Belize')).toEqual(['BLZ']);
    });

    it('finds former, short and other names (data/state-names.csv)', async () => {
      expect(await states('Ivory Coast')).toEqual(['CIV']);
      expect(await states('Burma')).toEqual(['MMR']);
      expect(await states("Cote d'Ivoire")).toEqual(['CIV']);
      expect(await states('swaziland')).toEqual(['SWZ']);
    });

    it('ignores accents and case', async () => {
      expect(await states('Haïti')).toEqual(['HTI']);
      expect(await states('HAITI')).toEqual(['HTI']);
      expect(await states('côte d’ivoire')).toEqual(['CIV']);
      expect(await states('turkiye')).toEqual(['TUR']);
    });

    it('matches every word, in any order', async () => {
      expect(await states('Korea Republic')).toEqual(expect.arrayContaining(['KOR']));
      expect(await states('Guinea new')).toEqual(['PNG']);
    });

    it('takes an ISO3 or ISO2 code only when the whole search is one, and puts it first', async () => {
      expect((await states('fra'))[0]).toBe('FRA');
      expect((await states('FR'))[0]).toBe('FRA');
      expect((await states('ind'))[0]).toBe('IND');
      // Three letters that are no code are words of names.
      expect(await states('ira')).toEqual(['IRN', 'IRQ']);
    });

    it('ranks by closeness: the same name first, then names that start with the search', async () => {
      expect(await states('Niger')).toEqual(['NER', 'NGA']);
      const guinea = await states('guinea');
      expect(guinea[0]).toBe('GIN');
      expect(guinea.slice(1).sort()).toEqual(['GNB', 'GNQ', 'PNG']);
    });

    it('pages a ranked search with its cursor', async () => {
      const first = ok(
        await query(
          'query($filter: StateFilter) { states(first: 1, filter: $filter) { edges { node { iso3 } } pageInfo { endCursor hasNextPage } } }',
          {
            filter: { search: 'guinea' },
          },
        ),
      ).states;
      expect(nodes(first).map((s: any) => s.iso3)).toEqual(['GIN']);
      const rest = ok(
        await query(
          'query($filter: StateFilter, $after: String) { states(first: 10, after: $after, filter: $filter) { edges { node { iso3 } } } }',
          {
            filter: { search: 'guinea' },
            after: first.pageInfo.endCursor,
          },
        ),
      ).states;
      expect(
        nodes(rest)
          .map((s: any) => s.iso3)
          .sort(),
      ).toEqual(['GNB', 'GNQ', 'PNG']);
    });
  });

  describe('region filters', () => {
    const statesIn = async (filter: Record<string, unknown>) =>
      nodes(
        ok(
          await query(
            'query($filter: StateFilter) { states(first: 200, filter: $filter) { edges { node { iso3 subregion intermediateRegion } } } }',
            { filter },
          ),
        ).states,
      );
    const refusal = async (filter: Record<string, unknown>) => {
      const response = await query('query($filter: StateFilter) { states(filter: $filter) { totalCount } }', { filter });
      expect(codes(response)).toEqual(['BAD_USER_INPUT']);
      return response.errors![0];
    };

    it('reads sub-regions in any case', async () => {
      const melanesia = await statesIn({ subregions: ['melanesia'] });
      expect(melanesia.map((s: any) => s.iso3).sort()).toEqual(['FJI', 'PNG', 'SLB', 'VUT']);
      expect(await statesIn({ subregions: ['MELANESIA', 'Melanesia'] })).toEqual(melanesia);
      const sahara = await statesIn({ subregions: ['sub-saharan africa'] });
      expect(sahara.length).toBe(48);
    });

    it('refuses an unknown sub-region, listing the valid ones', async () => {
      const error = await refusal({ subregions: ['Melanesia', 'Caribbean'] });
      expect(error.extensions!.details.problems).toEqual([
        expect.stringContaining('filter.subregions[1]: unknown UN M49 sub-region "Caribbean"'),
      ]);
      expect(error.message).toContain('Melanesia, Micronesia');
      expect(error.message).toContain('Latin America and the Caribbean');
    });

    it('filters on M49 intermediate regions: the Caribbean and East Africa are one filter each', async () => {
      const caribbean = await statesIn({ intermediateRegions: ['Caribbean'] });
      expect(caribbean.length).toBe(13);
      expect(caribbean.map((s: any) => s.iso3)).toEqual(expect.arrayContaining(['CUB', 'HTI', 'JAM', 'TTO']));
      expect(caribbean.every((s: any) => s.intermediateRegion === 'Caribbean')).toBe(true);
      expect(await statesIn({ intermediateRegions: ['the caribbean'] })).toEqual(caribbean);

      const eastern = await statesIn({ intermediateRegions: ['Eastern Africa'] });
      expect(eastern.length).toBe(18);
      expect(eastern.map((s: any) => s.iso3)).toEqual(expect.arrayContaining(['ETH', 'KEN', 'TZA', 'UGA']));
      expect(await statesIn({ intermediateRegions: ['East Africa'] })).toEqual(eastern);
      expect(await statesIn({ intermediateRegions: ['east africa', 'Eastern Africa'] })).toEqual(eastern);
    });

    it('refuses an unknown intermediate region, listing the valid ones', async () => {
      const error = await refusal({ intermediateRegions: ['Melanesia'] });
      expect(error.message).toContain('unknown UN M49 intermediate region "Melanesia"');
      expect(error.message).toContain(
        'Caribbean, Central America, Eastern Africa, Middle Africa, South America, Southern Africa, Western Africa',
      );
    });

    it('target lists and their CSV take the same region filters', async () => {
      const targetsIn = async (filter: Record<string, unknown>) =>
        ok(
          await query(
            'query($filter: TargetFilter) { targets(first: 200, filter: $filter) { edges { node { state { iso3 intermediateRegion } } } } }',
            { filter },
          ),
        ).targets.edges.map((edge: any) => edge.node.state);
      const caribbean = await targetsIn({ intermediateRegions: ['the Caribbean'] });
      expect(caribbean.length).toBeGreaterThan(0);
      expect(caribbean.every((s: any) => s.intermediateRegion === 'Caribbean')).toBe(true);
      expect((await targetsIn({ subregions: ['melanesia'] })).map((s: any) => s.iso3).sort()).toEqual(
        (await targetsIn({ subregions: ['Melanesia'] })).map((s: any) => s.iso3).sort(),
      );
      expect(codes(await query('query { targets(filter: { subregions: ["Atlantis"] }) { totalCount } }'))).toEqual(['BAD_USER_INPUT']);

      const csv = await fetch(`${t.url}/exports/targets.csv?intermediateRegions=${encodeURIComponent('East Africa')}`, {
        headers: { authorization: `Bearer ${cast.france.token}` },
      });
      expect(csv.status).toBe(200);
      const iso3s = (await csv.text())
        .trim()
        .split('\n')
        .slice(1)
        .map((line) => line.split(',')[2]);
      const eastern = await targetsIn({ intermediateRegions: ['Eastern Africa'] });
      expect(iso3s.sort()).toEqual(eastern.map((s: any) => s.iso3).sort());
      const unknown = await fetch(`${t.url}/exports/targets.csv?subregions=Atlantis`, {
        headers: { authorization: `Bearer ${cast.france.token}` },
      });
      expect(unknown.status).toBe(400);
      expect(((await unknown.json()) as any).code).toBe('BAD_USER_INPUT');
    });
  });

  it('target lists search the same way', async () => {
    expect(await targets('Indonesia')).toEqual(['IDN']);
    expect(await targets('Austria')).toEqual(['AUT']);
    expect(await targets('Burma')).toEqual(['MMR']);
    expect(await targets('Haïti')).toEqual(['HTI']);
    expect(await targets('fr')).toEqual(['FRA']);
  });

  it('contacts: words of the name or e-mail, accents and case ignored, the closest names first', async () => {
    for (const input of [
      { fullName: 'José Pérez Haïti', stateIso3: 'HTI' },
      { fullName: 'Josefina Pérez', email: 'jperez@mfa.example' },
      { fullName: 'Ana Ruiz', email: 'ana.ruiz@demarche.example' },
    ]) {
      ok(await query('mutation($input: CreateContactInput!) { createContact(input: $input) { id } }', { input }));
    }
    const contacts = async (search: string) =>
      nodes(
        ok(
          await query('query($filter: ContactFilter) { contacts(first: 50, filter: $filter) { edges { node { fullName } } } }', {
            filter: { search },
          }),
        ).contacts,
      ).map((c: any) => c.fullName);
    expect(await contacts('jose perez')).toEqual(['José Pérez Haïti', 'Josefina Pérez']);
    expect(await contacts('PEREZ jose')).toEqual(['José Pérez Haïti', 'Josefina Pérez']);
    expect(await contacts('haiti')).toEqual(['José Pérez Haïti']);
    expect(await contacts('demarche')).toEqual(['Ana Ruiz']);
    expect(await contacts('josefina perez')).toEqual(['Josefina Pérez']);
  });

  it('interactions: words of the subject, summary or outcome, accents and case ignored', async () => {
    const log = (input: Record<string, unknown>) =>
      query('mutation($input: LogInteractionInput!) { logInteraction(input: $input) { id } }', {
        input: { type: 'DEMARCHE', occurredOn: '2026-01-15', stateIso3s: ['HTI'], ...input },
      });
    ok(await log({ subject: 'Démarche conjointe', summary: "Remise d'une note verbale à Port-au-Prince, Haïti" }));
    ok(await log({ subject: 'Call', outcome: 'The MINISTÈRE will reply' }));
    ok(await log({ subject: 'Unrelated meeting' }));
    const interactions = async (search: string) =>
      nodes(
        ok(
          await query('query($filter: InteractionFilter) { interactions(first: 50, filter: $filter) { edges { node { subject } } } }', {
            filter: { search },
          }),
        ).interactions,
      ).map((i: any) => i.subject);
    expect(await interactions('demarche')).toEqual(['Démarche conjointe']);
    expect(await interactions('haiti')).toEqual(['Démarche conjointe']);
    expect(await interactions('port prince demarche')).toEqual(['Démarche conjointe']);
    expect(await interactions('ministere')).toEqual(['Call']);
    expect(await interactions('100%')).toEqual([]);
  });

  it('organizations: words of the name, accents and case ignored, the closest first', async () => {
    const organizations = async (search?: string) =>
      ok(await query('query($search: String) { organizations(search: $search) { name } }', { search })).organizations.map(
        (o: any) => o.name,
      );
    expect(await organizations('coalition cluster')).toEqual(['Cluster Munition Coalition']);
    expect(await organizations('PANAMÁ')).toEqual(['Panama']);
    expect((await organizations()).length).toBeGreaterThanOrEqual(4);
    expect(codes(await query('{ organizations(search: "") { name } }'))).toEqual(['BAD_USER_INPUT']);
  });
});
