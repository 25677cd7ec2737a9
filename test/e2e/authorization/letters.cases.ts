import type { GqlResponse, TestApp } from '../../support/app.js';
import { CALLERS, type Caller, type MatrixCase } from '../../support/authorization.js';
import { docx } from '../../support/docx.js';
import type { Actor } from '../../support/fixtures.js';

const CREATE = `mutation($input: CreateLetterCampaignInput!) { createLetterCampaign(input: $input) { id } }`;
const UPLOAD = `mutation($input: UploadLetterTemplateInput!) { uploadLetterTemplate(input: $input) { id version } }`;
const REMOVE = `mutation($id: ID!, $language: LetterLanguage!, $v: Int!) { deleteLetterTemplate(campaignId: $id, language: $language, expectedVersion: $v) { id } }`;
const DRY_RUN = `query($id: ID!) { letterCampaign(id: $id) { letterDryRun { fileName downloadPath } } }`;

const TEMPLATE = docx(['Dear {recipient_name},', 'To the Government of {state_name}, {date}']).toString('base64');

async function campaign(
  t: TestApp,
  owner: Actor,
  visibility: string,
  withTemplate: boolean,
): Promise<{ id: string; version: number; path: string }> {
  const input = {
    name: `Matrix ${visibility} letters`,
    templateRef: 'letters/matrix.docx',
    sendingDate: '2018-01-15',
    stateIso3s: ['KIR', 'TUV'],
    visibility,
  };
  const id = (await t.gql(CREATE, { input }, owner.token)).data.createLetterCampaign.id;
  if (!withTemplate) return { id, version: 1, path: '' };
  await t.gql(
    UPLOAD,
    { input: { campaignId: id, language: 'EN', fileName: 'matrix.docx', contentBase64: TEMPLATE, expectedVersion: 1 } },
    owner.token,
  );
  const [draft] = (await t.gql(DRY_RUN, { id }, owner.token)).data.letterCampaign.letterDryRun;
  return { id, version: 2, path: draft.downloadPath };
}

async function perCaller<T>(make: () => Promise<T>): Promise<Record<Caller, T>> {
  const made = {} as Record<Caller, T>;
  for (const caller of CALLERS) made[caller] = await make();
  return made;
}

/** A download as the matrix reads an answer: 200 is seen; 401, 403 and 404 are the API's codes. */
async function download(t: TestApp, path: string, token: string | null): Promise<GqlResponse> {
  const response = await fetch(`${t.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  await response.arrayBuffer();
  const code = { 401: 'UNAUTHENTICATED', 403: 'FORBIDDEN', 404: 'NOT_FOUND' }[response.status as 401 | 403 | 404];
  if (response.status === 200) return { status: 200, data: {} };
  return {
    status: response.status,
    data: null,
    errors: [{ message: String(response.status), extensions: { code: code ?? `HTTP ${response.status}` } }],
  };
}

const upload = (t: TestApp, token: string | null, c: { id: string; version: number }) =>
  t.gql(
    UPLOAD,
    { input: { campaignId: c.id, language: 'FR', fileName: 'lettre.docx', contentBase64: TEMPLATE, expectedVersion: c.version } },
    token ?? undefined,
  );

/** Letters from templates: templates are changed by the campaign's editors; the dry run and the letters follow the campaign's visibility. */
export const LETTERS_CASES: MatrixCase[] = [
  {
    name: 'uploadLetterTemplate: a COORDINATORS campaign of France',
    setup: (t, cast) => perCaller(() => campaign(t, cast.france, 'COORDINATORS', false)),
    run: (t, _cast, token, context, caller) => upload(t, token, context[caller]),
    expect: { admin: 'ok', france: 'ok', panama: 'FORBIDDEN', partner: 'FORBIDDEN', anonymous: 'UNAUTHENTICATED' },
  },
  {
    name: 'uploadLetterTemplate: an ORGANIZATION campaign of France',
    setup: (t, cast) => perCaller(() => campaign(t, cast.france, 'ORGANIZATION', false)),
    run: (t, _cast, token, context, caller) => upload(t, token, context[caller]),
    expect: { admin: 'NOT_FOUND', france: 'ok', panama: 'NOT_FOUND', partner: 'FORBIDDEN', anonymous: 'UNAUTHENTICATED' },
  },
  {
    name: 'deleteLetterTemplate: a COORDINATORS campaign of France',
    setup: (t, cast) => perCaller(() => campaign(t, cast.france, 'COORDINATORS', true)),
    run: (t, _cast, token, context, caller) =>
      t.gql(REMOVE, { id: context[caller].id, language: 'EN', v: context[caller].version }, token ?? undefined),
    expect: { admin: 'ok', france: 'ok', panama: 'FORBIDDEN', partner: 'FORBIDDEN', anonymous: 'UNAUTHENTICATED' },
  },
  {
    name: 'letterCampaign.letterDryRun: a COORDINATORS campaign of France',
    setup: (t, cast) => campaign(t, cast.france, 'COORDINATORS', true),
    run: (t, _cast, token, context) => t.gql(DRY_RUN, { id: context.id }, token ?? undefined),
    seen: (response) => (response.data?.letterCampaign?.letterDryRun.length ?? 0) > 0,
    expect: { admin: 'ok', france: 'ok', panama: 'ok', partner: 'hidden', anonymous: 'UNAUTHENTICATED' },
  },
  {
    name: 'GET /exports/campaigns/:id/letters.zip: a COORDINATORS campaign of France',
    setup: (t, cast) => campaign(t, cast.france, 'COORDINATORS', true),
    run: (t, _cast, token, context) => download(t, `/exports/campaigns/${context.id}/letters.zip`, token),
    expect: { admin: 'ok', france: 'ok', panama: 'ok', partner: 'NOT_FOUND', anonymous: 'UNAUTHENTICATED' },
  },
  {
    name: 'GET /exports/campaigns/:id/letters.zip: an ORGANIZATION campaign of France',
    setup: (t, cast) => campaign(t, cast.france, 'ORGANIZATION', true),
    run: (t, _cast, token, context) => download(t, `/exports/campaigns/${context.id}/letters.zip`, token),
    expect: { admin: 'NOT_FOUND', france: 'ok', panama: 'NOT_FOUND', partner: 'NOT_FOUND', anonymous: 'UNAUTHENTICATED' },
  },
  {
    name: 'GET /exports/campaigns/:id/letters/:fileName: a SHARED campaign of Panama',
    setup: (t, cast) => campaign(t, cast.panama, 'SHARED', true),
    run: (t, _cast, token, context) => download(t, context.path, token),
    expect: { admin: 'ok', france: 'ok', panama: 'ok', partner: 'ok', anonymous: 'UNAUTHENTICATED' },
  },
  {
    name: 'GET /exports/campaigns/:id/letters/:fileName: an ORGANIZATION campaign of France',
    setup: (t, cast) => campaign(t, cast.france, 'ORGANIZATION', true),
    run: (t, _cast, token, context) => download(t, context.path, token),
    expect: { admin: 'NOT_FOUND', france: 'ok', panama: 'NOT_FOUND', partner: 'NOT_FOUND', anonymous: 'UNAUTHENTICATED' },
  },
  {
    name: 'POST /letters/:iso3 (write a letter to one State)',
    run: async (t, _cast, token) => {
      const body = new FormData();
      body.append('template', new Blob([Buffer.from(TEMPLATE, 'base64')]), 'letter.docx');
      const response = await fetch(`${t.url}/letters/KIR`, {
        method: 'POST',
        body,
        headers: token ? { authorization: `Bearer ${token}` } : {},
      });
      await response.arrayBuffer();
      if (response.status === 200) return { status: 200, data: {} };
      return {
        status: response.status,
        data: null,
        errors: [{ message: '', extensions: { code: response.status === 401 ? 'UNAUTHENTICATED' : `HTTP ${response.status}` } }],
      };
    },
    expect: { admin: 'ok', france: 'ok', panama: 'ok', partner: 'ok', anonymous: 'UNAUTHENTICATED' },
  },
];
