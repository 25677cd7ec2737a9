import type { TFunction } from 'i18next';
import type { TargetsQuery } from '../gql/graphql';
import { today } from '../lib/format';

type TargetNode = TargetsQuery['targets']['edges'][number]['node'];
type Reason = TargetNode['reasons'][number];

interface Formatters {
  date(value: string | null | undefined): string;
  percent(value: number): string;
}

const DAY_MS = 24 * 3600 * 1000;

/** Whole days from one calendar date to another (YYYY-MM-DD). */
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/**
 * One reason of a score in the interface's language, written from the facts the row holds (the
 * service's `detail` is in English); a factor this version does not know keeps the service's words.
 */
export function reasonText(t: TFunction, format: Formatters, target: TargetNode, reason: Reason, now = today()): string {
  const { state } = target;
  const votes = state.votingRecord;
  switch (reason.factor) {
    case 'yesShare':
      return t('targets.reason.yesShare', { yes: votes.yes, count: votes.total, share: format.percent(votes.yesShare) });
    case 'consecutiveYes':
      return t('targets.reason.consecutiveYes', { count: votes.consecutiveYes });
    case 'lastVote':
      return votes.lastChoice ? t(`targets.reason.lastVote.${votes.lastChoice}`) : reason.detail;
    case 'treatyStatus':
      if (state.treatyStatus === 'SIGNATORY' && state.signatureDate)
        return t('targets.reason.signatory', { date: format.date(state.signatureDate) });
      if (state.treatyStatus === 'WITHDRAWN' && state.withdrawalDate)
        return t('targets.reason.withdrawn', { date: format.date(state.withdrawalDate) });
      return t(`treatyStatus.${state.treatyStatus}`);
    case 'stage':
      return t('targets.reason.stage', { stage: t(`stage.${state.ratificationStage}`) });
    case 'openObstacles':
      return t('targets.reason.openObstacles', { count: target.openObstacles });
    case 'lastContact':
      return target.lastContactOn
        ? t('targets.reason.lastContact', {
            count: Math.max(0, daysBetween(target.lastContactOn, now)),
            date: format.date(target.lastContactOn),
          })
        : t('targets.reason.neverContacted');
    case 'surveyAnswers': {
      const categories = (list: readonly string[]) =>
        list.map((category) => t(`obstacles.categories.${category}`).toLowerCase()).join(', ');
      const none = target.surveyNoObstacle.length
        ? t('targets.reason.surveyNone', { categories: categories(target.surveyNoObstacle) })
        : null;
      const named = target.surveyObstacles.length
        ? t('targets.reason.surveyNamed', { count: target.surveyObstacles.length, categories: categories(target.surveyObstacles) })
        : null;
      if (none && named) return t('targets.reason.surveyBoth', { none, named });
      return none || named ? t('targets.reason.survey', { parts: none ?? named }) : reason.detail;
    }
    default:
      return reason.detail;
  }
}
