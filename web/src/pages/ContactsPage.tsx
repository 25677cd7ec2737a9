import { Alert, Anchor, Button, Group, Loader, Modal, Paper, Stack, Tabs, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { useQuery } from 'urql';
import { ContactForm } from '../contacts/ContactForm';
import { Duplicates } from '../contacts/Duplicates';
import { Postings } from '../contacts/Postings';
import { graphql } from '../gql';
import { errorMessage } from '../lib/errors';
import { useFormat } from '../lib/format';
import { useCan } from '../lib/SessionContext';
import { useStateNames } from '../lib/stateNames';

const ContactsDocument = graphql(`
  query Contacts($search: String, $after: String) {
    contacts(filter: { search: $search }, first: 50, after: $after) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      edges {
        node {
          id
          title
          fullName
          position
          posting
          email
          state {
            iso3
            name
          }
          organization {
            id
            name
          }
        }
      }
    }
  }
`);

const ContactDocument = graphql(`
  query Contact($id: ID!) {
    contact(id: $id) {
      id
      version
      title
      fullName
      position
      posting
      email
      phone
      languages
      notes
      createdAt
      updatedAt
      state {
        iso3
        name
      }
      organization {
        id
        name
      }
      postings {
        id
        from
        to
        current
        posting
        position
        state {
          iso3
          name
        }
        organization {
          id
          name
        }
      }
      interactions(first: 10) {
        totalCount
        edges {
          node {
            id
            occurredOn
            type
            subject
            visibility
          }
        }
      }
    }
  }
`);

function ContactDetail({ id }: { id: string }) {
  const { t } = useTranslation();
  const can = useCan();
  const names = useStateNames();
  const format = useFormat();
  const context = useMemo(() => ({ additionalTypenames: ['Contact', 'ContactPosting', 'Interaction'] }), []);
  const [{ data, fetching, error }] = useQuery({ query: ContactDocument, variables: { id }, context });
  const [editing, setEditing] = useState(false);
  if (!data && fetching) return <Loader aria-label={t('app.loading')} />;
  if (error && !data)
    return (
      <Alert color="red" role="alert">
        {errorMessage(error)}
      </Alert>
    );
  const contact = data?.contact;
  if (!contact) return <Alert>{t('contactsPage.notFound')}</Alert>;
  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/contacts">
        ← {t('contactsPage.back')}
      </Anchor>
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>{[contact.title, contact.fullName].filter(Boolean).join(' ')}</Title>
          <Text c="dimmed">
            {[
              contact.position,
              contact.posting ? t(`posting.${contact.posting}`) : null,
              contact.state ? names.name(contact.state.iso3, contact.state.name) : null,
              contact.organization?.name,
            ]
              .filter(Boolean)
              .join(' · ')}
          </Text>
        </div>
        {can.write && !editing && <Button onClick={() => setEditing(true)}>{t('common.edit')}</Button>}
      </Group>
      {editing ? (
        <Paper withBorder p="md">
          <ContactForm contact={contact} onDone={() => setEditing(false)} />
        </Paper>
      ) : (
        <dl className="facts">
          {contact.email && (
            <div>
              <dt>{t('contactsPage.fields.email')}</dt>
              <dd>
                <a href={`mailto:${contact.email}`}>{contact.email}</a>
              </dd>
            </div>
          )}
          {contact.phone && (
            <div>
              <dt>{t('contactsPage.fields.phone')}</dt>
              <dd>{contact.phone}</dd>
            </div>
          )}
          {contact.languages.length > 0 && (
            <div>
              <dt>{t('contactsPage.fields.languages')}</dt>
              <dd>{contact.languages.join(', ')}</dd>
            </div>
          )}
          {contact.state && (
            <div>
              <dt>{t('contactsPage.fields.state')}</dt>
              <dd>
                <Link to={`/states/${contact.state.iso3}`}>{names.name(contact.state.iso3, contact.state.name)}</Link>
              </dd>
            </div>
          )}
          {contact.notes && (
            <div>
              <dt>{t('contactsPage.fields.notes')}</dt>
              <dd className="pre-line">{contact.notes}</dd>
            </div>
          )}
        </dl>
      )}
      <Postings contactId={contact.id} version={contact.version} postings={contact.postings} />
      <section aria-labelledby="contact-interactions">
        <Title order={2} size="h3" id="contact-interactions">
          {t('contactsPage.interactions', { count: contact.interactions.totalCount })}
        </Title>
        {contact.interactions.totalCount === 0 && <Text c="dimmed">{t('statePage.noInteractions')}</Text>}
        <ul className="plain-list">
          {contact.interactions.edges.map(({ node }) => (
            <li key={node.id}>
              <Text size="sm">
                {format.date(node.occurredOn)} · {t(`interactionType.${node.type}`)} · {node.subject} ({t(`visibility.${node.visibility}`)})
              </Text>
            </li>
          ))}
        </ul>
      </section>
    </Stack>
  );
}

function ContactsList() {
  const { t } = useTranslation();
  const can = useCan();
  const names = useStateNames();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [search, setSearch] = useState(params.get('search') ?? '');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const [afters, setAfters] = useState<(string | null)[]>([null]);
  const after = afters[afters.length - 1];
  const context = useMemo(() => ({ additionalTypenames: ['Contact'] }), []);
  const [{ data, error }] = useQuery({ query: ContactsDocument, variables: { search: debounced || undefined, after }, context });
  const [creating, setCreating] = useState(false);
  const tab = params.get('tab') === 'duplicates' ? 'duplicates' : 'list';
  const onSearch = (value: string) => {
    setSearch(value);
    setAfters([null]);
  };
  return (
    <>
      <Group justify="space-between" align="flex-end">
        <Title order={1}>{t('nav.contacts')}</Title>
        {can.write && <Button onClick={() => setCreating(true)}>{t('contactsPage.create')}</Button>}
      </Group>
      <Tabs
        mt="md"
        value={tab}
        onChange={(value) => {
          const next = new URLSearchParams(params);
          if (value === 'duplicates') next.set('tab', 'duplicates');
          else next.delete('tab');
          setParams(next, { replace: true });
        }}
      >
        <Tabs.List>
          <Tabs.Tab value="list">{t('contactsPage.all')}</Tabs.Tab>
          <Tabs.Tab value="duplicates">{t('duplicates.title')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="list" pt="md">
          <TextInput
            maw={400}
            label={t('contactsPage.search')}
            description={t('contactsPage.searchHelp')}
            value={search}
            onChange={(e) => onSearch(e.currentTarget.value)}
          />
          {error && <Alert color="red">{errorMessage(error)}</Alert>}
          {data && (
            <>
              <div className="table-scroll">
                <table className="data-table">
                  <caption>{t('contactsPage.count', { count: data.contacts.totalCount })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('contactsPage.fields.fullName')}</th>
                      <th scope="col">{t('contactsPage.fields.position')}</th>
                      <th scope="col">{t('contactsPage.fields.state')}</th>
                      <th scope="col">{t('contactsPage.fields.posting')}</th>
                      <th scope="col">{t('contactsPage.fields.email')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.contacts.edges.map(({ node }) => (
                      <tr key={node.id}>
                        <th scope="row">
                          <Link to={`/contacts/${node.id}`}>{[node.title, node.fullName].filter(Boolean).join(' ')}</Link>
                        </th>
                        <td>{node.position ?? ''}</td>
                        <td>{node.state ? names.name(node.state.iso3, node.state.name) : (node.organization?.name ?? '')}</td>
                        <td>{node.posting ? t(`posting.${node.posting}`) : ''}</td>
                        <td>{node.email ?? ''}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <Group mt="xs">
                <Button variant="default" size="xs" disabled={afters.length === 1} onClick={() => setAfters((a) => a.slice(0, -1))}>
                  {t('common.previous')}
                </Button>
                <Button
                  variant="default"
                  size="xs"
                  disabled={!data.contacts.pageInfo.hasNextPage}
                  onClick={() => setAfters((a) => [...a, data.contacts.pageInfo.endCursor ?? null])}
                >
                  {t('common.next')}
                </Button>
              </Group>
            </>
          )}
        </Tabs.Panel>
        <Tabs.Panel value="duplicates" pt="md">
          {tab === 'duplicates' && <Duplicates />}
        </Tabs.Panel>
      </Tabs>
      <Modal
        lockScroll={false}
        opened={creating}
        onClose={() => setCreating(false)}
        title={t('contactsPage.create')}
        size="lg"
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {creating && (
          <ContactForm
            onDone={(id) => {
              setCreating(false);
              if (id) void navigate(`/contacts/${id}`);
            }}
          />
        )}
      </Modal>
    </>
  );
}

export default function ContactsPage() {
  const { id } = useParams();
  return id ? <ContactDetail key={id} id={id} /> : <ContactsList />;
}
