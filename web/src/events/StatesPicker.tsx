import { MultiSelect } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { graphql } from '../gql';
import { useStateNames } from '../lib/stateNames';

const StatesPickerDocument = graphql(`
  query EventStatesPicker($search: String!) {
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

/** Several States, by type-ahead on the service's search (name or ISO code). */
export function StatesPicker({
  label,
  description,
  value,
  onChange,
  error,
  exclude = [],
}: {
  label: string;
  description?: string;
  value: string[];
  onChange: (iso3s: string[]) => void;
  error?: string;
  exclude?: string[];
}) {
  const { t } = useTranslation();
  const names = useStateNames();
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 200);
  const [{ data }] = useQuery({ query: StatesPickerDocument, variables: { search: debounced }, pause: !debounced });
  const options = useMemo(() => {
    const map = new Map<string, string>();
    for (const iso3 of value) map.set(iso3, names.name(iso3, iso3));
    for (const { node } of data?.states.edges ?? []) if (!exclude.includes(node.iso3)) map.set(node.iso3, names.name(node.iso3, node.name));
    return [...map].map(([iso3, name]) => ({ value: iso3, label: `${name} (${iso3})` }));
  }, [data, value, names, exclude]);
  return (
    <MultiSelect
      label={label}
      description={description}
      searchable
      clearable
      data={options}
      value={value}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      onChange={(next) => {
        onChange(next);
        setSearch('');
      }}
      nothingFoundMessage={debounced ? t('logForm.noState') : t('logForm.typeToSearch')}
      error={error}
    />
  );
}
