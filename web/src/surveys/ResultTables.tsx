import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useFormat } from '../lib/format';
import { useStateNames } from '../lib/stateNames';
import '../i18n/later';

export interface ChoiceCount {
  choice?: string | null;
  count: number;
  states: { iso3: string; name: string }[];
}

/** The States behind a count, each a link to its page. */
export function StateLinks({ states }: { states: { iso3: string; name: string }[] }) {
  const names = useStateNames();
  return (
    <>
      {states.map((state, index) => (
        <span key={state.iso3}>
          {index > 0 && ', '}
          <Link to={`/states/${state.iso3}`}>{names.name(state.iso3, state.name)}</Link>
        </span>
      ))}
    </>
  );
}

/** One question's counts (overall or for one regional group): each choice, how many States, which. */
export function ChoiceTable({ caption, choices }: { caption: string; choices: ChoiceCount[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <div className="table-scroll">
      <table className="data-table survey-choices">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('surveys.choice')}</th>
            <th scope="col" className="num">
              {t('surveys.count')}
            </th>
            <th scope="col">{t('surveys.statesBehind')}</th>
          </tr>
        </thead>
        <tbody>
          {choices.map((choice) => (
            <tr key={choice.choice ?? ''}>
              <th scope="row">{choice.choice ?? t('surveys.textOnly')}</th>
              <td className="num">{format.number(choice.count)}</td>
              <td>
                <StateLinks states={choice.states} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
