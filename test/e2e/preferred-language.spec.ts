import { codes, startTestApp, type TestApp } from '../support/app.js';
import { createCast, type Cast } from '../support/fixtures.js';

const SET = 'mutation($language: String!) { setPreferredLanguage(language: $language) { id preferredLanguage } }';
const ME = '{ me { id preferredLanguage } }';

describe('the interface language each user chooses', () => {
  let t: TestApp;
  let cast: Cast;

  beforeAll(async () => {
    t = await startTestApp({ IMPORT_ON_START: 'false' });
    cast = await createCast(t);
  });

  afterAll(async () => {
    await t?.close();
  });

  it('is null until chosen, then kept on the account (a new sign-in sees it)', async () => {
    expect((await t.gql(ME, {}, cast.partner.token)).data.me.preferredLanguage).toBeNull();
    const set = await t.gql(SET, { language: 'fr' }, cast.partner.token);
    expect(set.errors).toBeUndefined();
    expect(set.data.setPreferredLanguage).toEqual({ id: cast.partner.id, preferredLanguage: 'fr' });
    const again = await t.login('partner@cmc.example', 'a-long-test-password');
    expect((await t.gql(ME, {}, again)).data.me.preferredLanguage).toBe('fr');
    // Each user has their own.
    expect((await t.gql(ME, {}, cast.france.token)).data.me.preferredLanguage).toBeNull();
  });

  it('refuses a language the interface does not have, naming the field, and keeps the previous one', async () => {
    const refused = await t.gql(SET, { language: 'de' }, cast.partner.token);
    expect(codes(refused)).toEqual(['BAD_USER_INPUT']);
    expect(refused.errors![0].extensions!.details.problems).toEqual(['language: language must be one of en, fr, es']);
    expect((await t.gql(ME, {}, cast.partner.token)).data.me.preferredLanguage).toBe('fr');
  });

  it("is nobody else's business: null on another user, even for the admin", async () => {
    await t.gql(SET, { language: 'es' }, cast.france.token);
    const users = await t.gql('{ users { email preferredLanguage } }', {}, cast.admin.token);
    expect(users.data.users.find((u: { email: string }) => u.email === 'coordinator@france.example').preferredLanguage).toBeNull();
  });

  it('needs a signed-in user', async () => {
    expect(codes(await t.gql(SET, { language: 'en' }))).toEqual(['UNAUTHENTICATED']);
  });
});
