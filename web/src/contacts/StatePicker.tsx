import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import { useStateNames } from '../lib/stateNames';

const StatePickerDocument = graphql(`
  query StatePicker($search: String!) {
    states(filter: { search: $search }, first: 15) {
      edges {
        node {
          iso3
          name
        }
      }
    }
  }
`);

/** One State, by type-ahead on the service's search (name or ISO code). */
export function StatePicker({
  label,
  value,
  initialName,
  onChange,
  error,
}: {
  label: string;
  value: string;
  initialName?: string;
  onChange: (iso3: string) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const names = useStateNames();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 200);
  const [{ data }] = useQuery({ query: StatePickerDocument, variables: { search: debounced }, pause: !debounced });
  const options = useMemo(() => {
    const map = new Map<string, string>();
    if (value) map.set(value, names.name(value, initialName ?? value));
    for (const { node } of data?.states.edges ?? []) map.set(node.iso3, names.name(node.iso3, node.name));
    return [...map].map(([iso3, name]) => ({ value: iso3, label: `${name} (${iso3})` }));
  }, [data, value, initialName, names]);
  return (
    <Select
      label={label}
      searchable
      clearable
      data={options}
      value={value || null}
      onChange={(next) => onChange(next ?? '')}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      nothingFoundMessage={t('logForm.typeToSearch')}
      error={error}
    />
  );
}
