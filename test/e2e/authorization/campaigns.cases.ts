import type { TestApp } from '../../support/app.js';
import { CALLERS, type Caller, type MatrixCase } from '../../support/authorization.js';
import type { Actor } from '../../support/fixtures.js';

const CREATE = `mutation($input: CreateLetterCampaignInput!) { createLetterCampaign(input: $input) { id letters { state { iso3 } interaction { id } } } }`;
const READ = `query($id: ID!) { letterCampaign(id: $id) { id } }`;
const OWNERS = `query($id: ID!) { letterCampaign(id: $id) { possibleOwners { id } } }`;
const LIST = `{ letterCampaigns(first: 200) { edges { node { id } } } }`;
const REPLY = `mutation($input: LogLetterReplyInput!) { logLetterReply(input: $input) { status } }`;
const FOLLOWED = `mutation($input: MarkCampaignFollowUpDoneInput!) { markCampaignFollowUpDone(input: $input) { status } }`;
const UPDATE = `mutation($input: UpdateLetterCampaignInput!) { updateLetterCampaign(input: $input) { id version } }`;
const DELETE = `mutation($id: ID!, $expectedVersion: Int!) { deleteLetterCampaign(id: $id, expectedVersion: $expectedVersion) }`;

/** One State per caller, so that each caller acts on a letter of its own. */
const STATE_OF: Record<Caller, string> = { admin: 'KIR', france: 'TON', panama: 'FSM', partner: 'PNG', anonymous: 'SLB' };

async function campaign(t: TestApp, owner: Actor, visibility: string): Promise<{ id: string; letters: Record<string, string> }> {
  const input = {
    name: `Matrix ${visibility} campaign`,
    templateRef: 'letters/matrix.docx',
    sendingDate: '2018-01-15',
    stateIso3s: Object.values(STATE_OF),
    visibility,
  };
  const created = (await t.gql(CREATE, { input }, owner.token)).data.createLetterCampaign;
  return { id: created.id, letters: Object.fromEntries(created.letters.map((l: any) => [l.state.iso3, l.interaction.id])) };
}

/** A campaign for each caller, so that a change or deletion by one leaves the others' as they were. */
async function campaignPerCaller(t: TestApp, owner: Actor, visibility: string): Promise<Record<Caller, string>> {
  const ids = {} as Record<Caller, string>;
  for (const caller of CALLERS) ids[caller] = (await campaign(t, owner, visibility)).id;
  return ids;
}

const correct = (t: TestApp, token: string | null, id: string) =>
  t.gql(UPDATE, { input: { id, expectedVersion: 1, name: 'Matrix corrected campaign', sendingDate: '2018-01-16' } }, token ?? undefined);
const remove = (t: TestApp, token: string | null, id: string) => t.gql(DELETE, { id, expectedVersion: 1 }, token ?? undefined);

const listed = (response: any, id: string) => (response.data?.letterCampaigns.edges ?? []).some((e: any) => e.node.id === id);

/** Letter campaigns: reading follows the interaction rule; writing is for coordinators and admins, on their own organization's letters. */
export const CAMPAIGN_CASES: MatrixCase[] = [
  {
    name: 'letterCampaign: an ORGANIZATION campaign of France',
    setup: (t, cast) => campaign(t, cast.france, 'ORGANIZATION'),
    run: (t, _cast, token, context) => t.gql(READ, { id: context.id }, token ?? undefined),
    seen: (response) => Boolean(response.data?.letterCampaign),
    expect: { admin: 'hidden', france: 'ok', panama: 'hidden', partner: 'hidden', anonymous: 'UNAUTHENTICATED' },
  },
  {
    name: 'letterCampaign: a COORDINATORS campaign of France',
    setup: (t, cast) => campaign(t, cast.france, 'COORDINATORS'),
    run: (t, _cast, token, context) => t.gql(READ, { id: context.id }, token ?? undefined),
    seen: (response) => Boolean(response.data?.letterCampaign),
    expect: { admin: 'ok', france: 'ok', panama: 'ok', partner: 'hidden', anonymous: 'UNAUTHENTICATED' },
  },
  {
    name: 'letterCampaigns: an ORGANIZATION campaign of France',
    setup: (t, cast) => campaign(t, cast.france, 'ORGANIZATION'),
    run: (t, _cast, token) => t.gql(LIST, {}, token ?? undefined),
    seen: (response, context) => listed(response, context.id),
    expect: { admin: 'hidden', france: 'ok', panama: 'hidden', partner: 'hidden', anonymous: 'UNAUTHENTICATED' },
  },
  {
    name: 'letterCampaigns: a SHARED campaign of Panama',
    setup: (t, cast) => campaign(t, cast.panama, 'SHARED'),
    run: (t, _cast, token) => t.gql(LIST, {}, token ?? undefined),
    seen: (response, context) => listed(response, context.id),
    expect: { admin: 'ok', france: 'ok', panama: 'ok', partner: 'ok', anonymous: 'UNAUTHENTICATED' },
  },
  {
    name: 'letterCampaign.possibleOwners: a SHARED campaign of France',
    setup: (t, cast) => campaign(t, cast.france, 'SHARED'),
    run: (t, _cast, token, context) => t.gql(OWNERS, { id: context.id }, token ?? undefined),
    seen: (response) =>
      Array.isArray(response.data?.letterCampaign?.possibleOwners) && response.data.letterCampaign.possibleOwners.length > 0,
    expect: { admin: 'ok', france: 'ok', panama: 'hidden', partner: 'hidden', anonymous: 'UNAUTHENTICATED' },
  },
  {
    name: 'createLetterCampaign',
    run: (t, _cast, token) =>
      t.gql(
        CREATE,
        { input: { name: 'Matrix new campaign', templateRef: 'letters/new.docx', sendingDate: '2018-01-15', stateIso3s: ['TUV'] } },
        token ?? undefined,
      ),
    expect: { admin: 'ok', france: 'ok', panama: 'ok', partner: 'FORBIDDEN', anonymous: 'UNAUTHENTICATED' },
  },
  {
    name: 'logLetterReply: a letter of a COORDINATORS campaign of France',
    setup: (t, cast) => campaign(t, cast.france, 'COORDINATORS'),
    run: (t, _cast, token, context, caller) =>
      t.gql(
        REPLY,
        { input: { interactionId: context.letters[STATE_OF[caller]], receivedOn: '2018-02-01', expectedVersion: 1 } },
        token ?? undefined,
      ),
    expect: { admin: 'ok', france: 'ok', panama: 'FORBIDDEN', partner: 'FORBIDDEN', anonymous: 'UNAUTHENTICATED' },
  },
  {
    name: 'logLetterReply: a letter of an ORGANIZATION campaign of France',
    setup: (t, cast) => campaign(t, cast.france, 'ORGANIZATION'),
    run: (t, _cast, token, context, caller) =>
      t.gql(
        REPLY,
        { input: { campaignId: context.id, stateIso3: STATE_OF[caller], receivedOn: '2018-02-01', expectedVersion: 1 } },
        token ?? undefined,
      ),
    expect: { admin: 'NOT_FOUND', france: 'ok', panama: 'NOT_FOUND', partner: 'FORBIDDEN', anonymous: 'UNAUTHENTICATED' },
  },
  {
    name: 'markCampaignFollowUpDone: a letter of a COORDINATORS campaign of France',
    setup: (t, cast) => campaign(t, cast.france, 'COORDINATORS'),
    run: (t, _cast, token, context, caller) =>
      t.gql(
        FOLLOWED,
        { input: { interactionId: context.letters[STATE_OF[caller]], doneOn: '2018-03-01', expectedVersion: 1 } },
        token ?? undefined,
      ),
    expect: { admin: 'ok', france: 'ok', panama: 'FORBIDDEN', partner: 'FORBIDDEN', anonymous: 'UNAUTHENTICATED' },
  },
  {
    name: 'updateLetterCampaign: a COORDINATORS campaign of France',
    setup: (t, cast) => campaignPerCaller(t, cast.france, 'COORDINATORS'),
    run: (t, _cast, token, ids, caller) => correct(t, token, ids[caller]),
    expect: { admin: 'ok', france: 'ok', panama: 'FORBIDDEN', partner: 'FORBIDDEN', anonymous: 'UNAUTHENTICATED' },
  },
  {
    name: 'updateLetterCampaign: an ORGANIZATION campaign of France',
    setup: (t, cast) => campaignPerCaller(t, cast.france, 'ORGANIZATION'),
    run: (t, _cast, token, ids, caller) => correct(t, token, ids[caller]),
    expect: { admin: 'NOT_FOUND', france: 'ok', panama: 'NOT_FOUND', partner: 'FORBIDDEN', anonymous: 'UNAUTHENTICATED' },
  },
  {
    name: 'updateLetterCampaign: a SHARED campaign of Panama',
    setup: (t, cast) => campaignPerCaller(t, cast.panama, 'SHARED'),
    run: (t, _cast, token, ids, caller) => correct(t, token, ids[caller]),
    expect: { admin: 'ok', france: 'FORBIDDEN', panama: 'ok', partner: 'FORBIDDEN', anonymous: 'UNAUTHENTICATED' },
  },
  {
    name: 'deleteLetterCampaign: a COORDINATORS campaign of France',
    setup: (t, cast) => campaignPerCaller(t, cast.france, 'COORDINATORS'),
    run: (t, _cast, token, ids, caller) => remove(t, token, ids[caller]),
    expect: { admin: 'ok', france: 'ok', panama: 'FORBIDDEN', partner: 'FORBIDDEN', anonymous: 'UNAUTHENTICATED' },
  },
  {
    name: 'deleteLetterCampaign: an ORGANIZATION campaign of France',
    setup: (t, cast) => campaignPerCaller(t, cast.france, 'ORGANIZATION'),
    run: (t, _cast, token, ids, caller) => remove(t, token, ids[caller]),
    expect: { admin: 'NOT_FOUND', france: 'ok', panama: 'NOT_FOUND', partner: 'FORBIDDEN', anonymous: 'UNAUTHENTICATED' },
  },
  {
    name: 'deleteLetterCampaign: a SHARED campaign of Panama',
    setup: (t, cast) => campaignPerCaller(t, cast.panama, 'SHARED'),
    run: (t, _cast, token, ids, caller) => remove(t, token, ids[caller]),
    expect: { admin: 'ok', france: 'FORBIDDEN', panama: 'ok', partner: 'FORBIDDEN', anonymous: 'UNAUTHENTICATED' },
  },
];
