import { beforeAll, describe, expect, it } from 'vitest';
import type { TargetsQuery } from '../gql/graphql';
import i18n from '../i18n';
import { formatDate } from '../lib/format';
import { reasonText } from './reasons';

type TargetNode = TargetsQuery['targets']['edges'][number]['node'];

/** A row as the targets query gives it (the reasons' details as the service writes them, in English). */
const target: TargetNode = {
  rank: 1,
  score: 62,
  lastContactOn: '2026-11-20',
  openObstacles: 2,
  surveyNoObstacle: ['SUBSTANTIVE'],
  surveyObstacles: ['PROCEDURAL', 'TECHNICAL'],
  reasons: [],
  state: {
    iso3: 'KIR',
    name: 'Kiribati',
    m49Code: '296',
    regionalGroup: 'ASIA_PACIFIC',
    subregion: 'Micronesia',
    treatyStatus: 'SIGNATORY',
    ratificationStage: 'ENGAGED',
    signatureDate: '2008-12-03',
    withdrawalDate: null,
    votingRecord: { yesShare: 0.9, yes: 9, total: 10, consecutiveYes: 1, lastChoice: 'ABSTAIN' },
  },
};

const reason = (factor: string) => ({ factor, points: 1, detail: `service text for ${factor}` });

function texts(language: string) {
  const t = i18n.getFixedT(language);
  const percent = new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 });
  const format = {
    date: (value: string | null | undefined) => formatDate(value, language),
    percent: (value: number) => percent.format(value),
  };
  const factors = [
    'yesShare',
    'consecutiveYes',
    'lastVote',
    'treatyStatus',
    'stage',
    'openObstacles',
    'lastContact',
    'surveyAnswers',
    'somethingNew',
  ];
  return factors.map((factor) => reasonText(t, format, target, reason(factor), '2026-12-02'));
}

describe('the reasons of a score', () => {
  // French and Spanish are loaded on demand, as in the app.
  beforeAll(() => i18n.loadLanguages(['fr', 'es']));

  it('are written in English from the row, with plurals', () => {
    expect(texts('en')).toEqual([
      'Voted yes on 9 of 10 resolutions (90%)',
      'Voted yes on the newest resolution',
      'Abstained on the newest resolution',
      'Signed on Dec 3, 2008: needs only to ratify',
      'Ratification stage: Engaged',
      '2 open obstacles',
      'Last contact 12 days ago (Nov 20, 2026)',
      'Survey answers: no obstacle (substantive); 2 obstacles named (procedural, technical)',
      'service text for somethingNew',
    ]);
  });

  it('are written in French, with its dates and numbers', () => {
    expect(texts('fr')).toEqual([
      'A voté pour 9 des 10 résolutions (90\u00a0%)', // Intl's no-break space
      'A voté pour la résolution la plus récente',
      'S’est abstenu sur la résolution la plus récente',
      'Signataire depuis le 3 déc. 2008 : il ne lui reste qu’à ratifier',
      'Étape de ratification : Engagé',
      '2 obstacles ouverts',
      'Dernier contact il y a 12 jours (20 nov. 2026)',
      'Réponses aux enquêtes : aucun obstacle (de fond) ; 2 obstacles signalés (procédural, technique)',
      'service text for somethingNew',
    ]);
  });

  it('say "never contacted" when no one has been in touch', () => {
    const t = i18n.getFixedT('en');
    const format = { date: (value: string | null | undefined) => formatDate(value, 'en'), percent: String };
    expect(reasonText(t, format, { ...target, lastContactOn: null }, reason('lastContact'))).toBe('Never contacted');
  });
});
