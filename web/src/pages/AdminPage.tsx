import { Alert, Button, Group, Modal, PasswordInput, Select, Stack, Table, Tabs, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';
import type { AdminUsersQuery } from '../gql/graphql';
import { errorMessage } from '../lib/errors';
import { useFormat } from '../lib/format';
import { useCan, useSession } from '../lib/SessionContext';
import '../i18n/later';

const ROLES = ['ADMIN', 'COORDINATOR', 'PARTNER'] as const;
const ORGANIZATION_KINDS = ['GOVERNMENT', 'CIVIL_SOCIETY', 'INTERNATIONAL_ORGANIZATION', 'SECRETARIAT'] as const;
/** The audited tables (see the migrations' audit triggers). */
const AUDITED = [
  'users',
  'organizations',
  'contacts',
  'contact_postings',
  'interactions',
  'stage_changes',
  'obstacles',
  'groupings',
  'letter_campaigns',
  'events',
  'planned_meetings',
  'mandates',
  'treaty_actions',
] as const;

const AdminUsersDocument = graphql(`
  query AdminUsers {
    users {
      id
      displayName
      email
      role
      disabled
      organization {
        id
        name
      }
    }
    organizations {
      id
      name
      kind
    }
  }
`);

const CreateUserDocument = graphql(`
  mutation AdminCreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      id
    }
  }
`);

const UpdateUserDocument = graphql(`
  mutation AdminUpdateUser($input: UpdateUserInput!) {
    updateUser(input: $input) {
      id
      role
      organization {
        id
        name
      }
    }
  }
`);

const DisableUserDocument = graphql(`
  mutation AdminDisableUser($id: ID!) {
    disableUser(id: $id) {
      id
      disabled
    }
  }
`);

const EnableUserDocument = graphql(`
  mutation AdminEnableUser($id: ID!) {
    enableUser(id: $id) {
      id
      disabled
    }
  }
`);

const ResetPasswordDocument = graphql(`
  mutation AdminResetPassword($userId: ID!, $newPassword: String!) {
    resetPassword(userId: $userId, newPassword: $newPassword) {
      id
    }
  }
`);

const CreateOrganizationDocument = graphql(`
  mutation AdminCreateOrganization($input: CreateOrganizationInput!) {
    createOrganization(input: $input) {
      id
    }
  }
`);

const AuditLogDocument = graphql(`
  query AdminAuditLog($filter: AuditFilter, $after: String) {
    auditLog(filter: $filter, first: 50, after: $after) {
      totalCount
      pageInfo {
        endCursor
        hasNextPage
      }
      edges {
        node {
          id
          at
          action
          entity
          entityId
          before
          after
          actor {
            id
            displayName
          }
        }
      }
    }
  }
`);

type AdminUser = AdminUsersQuery['users'][number];
type Organization = AdminUsersQuery['organizations'][number];

/** A message in the corner, its close button named. */
function useNotify() {
  const { t } = useTranslation();
  return (message: string, color?: string) => notifications.show({ message, color, closeButtonProps: { 'aria-label': t('common.close') } });
}

function useDone() {
  const { t } = useTranslation();
  const notify = useNotify();
  return (result: { error?: Parameters<typeof errorMessage>[0] }, message: string) => {
    if (result.error) notify(errorMessage(result.error) ?? t('admin.failed'), 'red');
    else notify(message);
    return !result.error;
  };
}

/** A dialog's form: the service's refusal above the fields, Cancel and the submit button below. */
function DialogForm({
  onSubmit,
  error,
  fetching,
  submitLabel,
  onClose,
  children,
}: {
  onSubmit: () => Promise<void>;
  error: Parameters<typeof errorMessage>[0];
  fetching: boolean;
  submitLabel: string;
  onClose: () => void;
  children: React.ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void onSubmit();
      }}
    >
      <Stack gap="xs">
        {error && (
          <Alert color="red" role="alert">
            {errorMessage(error)}
          </Alert>
        )}
        {children}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={fetching}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function CreateUserForm({ organizations, onClose }: { organizations: Organization[]; onClose: () => void }) {
  const { t } = useTranslation();
  const [values, setValues] = useState({ displayName: '', email: '', organizationId: '', role: 'COORDINATOR', password: '' });
  const notify = useNotify();
  const [{ fetching, error }, create] = useMutation(CreateUserDocument);
  const submit = async () => {
    const result = await create({ input: { ...values, role: values.role as (typeof ROLES)[number] } }, { additionalTypenames: ['User'] });
    if (!result.error) {
      notify(t('admin.userCreated', { name: values.displayName }));
      onClose();
    }
  };
  return (
    <DialogForm onSubmit={submit} error={error} fetching={fetching} submitLabel={t('admin.createUser')} onClose={onClose}>
      <TextInput
        label={t('admin.displayName')}
        required
        value={values.displayName}
        onChange={(e) => setValues({ ...values, displayName: e.currentTarget.value })}
      />
      <TextInput
        label={t('admin.email')}
        type="email"
        required
        value={values.email}
        onChange={(e) => setValues({ ...values, email: e.currentTarget.value })}
      />
      <Select
        label={t('admin.organization')}
        required
        searchable
        data={organizations.map((o) => ({ value: o.id, label: o.name }))}
        value={values.organizationId || null}
        onChange={(value) => setValues({ ...values, organizationId: value ?? '' })}
      />
      <Select
        label={t('admin.role')}
        required
        data={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
        value={values.role}
        onChange={(value) => setValues({ ...values, role: value ?? 'COORDINATOR' })}
        allowDeselect={false}
      />
      <PasswordInput
        label={t('admin.password')}
        description={t('admin.passwordHelp')}
        required
        value={values.password}
        onChange={(e) => setValues({ ...values, password: e.currentTarget.value })}
      />
    </DialogForm>
  );
}

function ResetPasswordForm({ user, onClose }: { user: AdminUser; onClose: () => void }) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const notify = useNotify();
  const [{ fetching, error }, reset] = useMutation(ResetPasswordDocument);
  const submit = async () => {
    const result = await reset({ userId: user.id, newPassword: password });
    if (!result.error) {
      notify(t('admin.passwordReset', { name: user.displayName }));
      onClose();
    }
  };
  return (
    <DialogForm onSubmit={submit} error={error} fetching={fetching} submitLabel={t('admin.resetPassword')} onClose={onClose}>
      <Text size="sm">{t('admin.resetHelp', { name: user.displayName })}</Text>
      <PasswordInput
        label={t('admin.newPassword')}
        description={t('admin.passwordHelp')}
        required
        value={password}
        onChange={(e) => setPassword(e.currentTarget.value)}
      />
    </DialogForm>
  );
}

function Users({ users, organizations }: { users: AdminUser[]; organizations: Organization[] }) {
  const { t } = useTranslation();
  const { viewer } = useSession();
  const done = useDone();
  const [creating, setCreating] = useState(false);
  const [resetting, setResetting] = useState<AdminUser | null>(null);
  const [, update] = useMutation(UpdateUserDocument);
  const [, disable] = useMutation(DisableUserDocument);
  const [, enable] = useMutation(EnableUserDocument);
  const changeRole = async (user: AdminUser, role: string | null) => {
    if (!role || role === user.role) return;
    done(
      await update({ input: { id: user.id, role: role as (typeof ROLES)[number] } }),
      t('admin.roleChanged', { name: user.displayName, role: t(`roles.${role}`) }),
    );
  };
  return (
    <>
      <Group justify="flex-end" my="sm">
        <Button onClick={() => setCreating(true)}>{t('admin.createUser')}</Button>
      </Group>
      <div className="table-scroll">
        <Table striped>
          <Table.Caption>{t('admin.usersCaption', { count: users.length })}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('admin.displayName')}</Table.Th>
              <Table.Th scope="col">{t('admin.email')}</Table.Th>
              <Table.Th scope="col">{t('admin.organization')}</Table.Th>
              <Table.Th scope="col">{t('admin.role')}</Table.Th>
              <Table.Th scope="col">{t('admin.status')}</Table.Th>
              <Table.Th scope="col">{t('admin.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {users.map((user) => {
              const self = user.id === viewer?.id;
              return (
                <Table.Tr key={user.id} data-user={user.email ?? user.id}>
                  <Table.Th scope="row">{user.displayName}</Table.Th>
                  <Table.Td>{user.email}</Table.Td>
                  <Table.Td>{user.organization.name}</Table.Td>
                  <Table.Td>
                    <Select
                      aria-label={t('admin.roleOf', { name: user.displayName })}
                      size="xs"
                      data={ROLES.map((role) => ({ value: role, label: t(`roles.${role}`) }))}
                      value={user.role ?? null}
                      disabled={self}
                      allowDeselect={false}
                      onChange={(role) => void changeRole(user, role)}
                    />
                  </Table.Td>
                  <Table.Td>{user.disabled ? t('admin.disabled') : t('admin.enabled')}</Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      {!self &&
                        (user.disabled ? (
                          <Button
                            size="xs"
                            variant="default"
                            onClick={() =>
                              void enable({ id: user.id }).then((result) =>
                                done(result, t('admin.userEnabled', { name: user.displayName })),
                              )
                            }
                          >
                            {t('admin.enable')}
                            <span className="visually-hidden"> {user.displayName}</span>
                          </Button>
                        ) : (
                          <Button
                            size="xs"
                            variant="default"
                            color="red"
                            onClick={() =>
                              void disable({ id: user.id }).then((result) =>
                                done(result, t('admin.userDisabled', { name: user.displayName })),
                              )
                            }
                          >
                            {t('admin.disable')}
                            <span className="visually-hidden"> {user.displayName}</span>
                          </Button>
                        ))}
                      <Button size="xs" variant="default" onClick={() => setResetting(user)}>
                        {t('admin.resetPassword')}
                        <span className="visually-hidden"> {user.displayName}</span>
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </div>
      <Modal
        lockScroll={false}
        opened={creating}
        onClose={() => setCreating(false)}
        title={t('admin.createUser')}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {creating && <CreateUserForm organizations={organizations} onClose={() => setCreating(false)} />}
      </Modal>
      <Modal
        lockScroll={false}
        opened={!!resetting}
        onClose={() => setResetting(null)}
        title={t('admin.resetPassword')}
        closeButtonProps={{ 'aria-label': t('common.close') }}
      >
        {resetting && <ResetPasswordForm user={resetting} onClose={() => setResetting(null)} />}
      </Modal>
    </>
  );
}

function Organizations({ organizations }: { organizations: Organization[] }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<string>('GOVERNMENT');
  const notify = useNotify();
  const [{ fetching, error }, create] = useMutation(CreateOrganizationDocument);
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    const result = await create(
      { input: { name, kind: kind as (typeof ORGANIZATION_KINDS)[number] } },
      { additionalTypenames: ['Organization'] },
    );
    if (!result.error) {
      notify(t('admin.organizationCreated', { name }));
      setName('');
    }
  };
  return (
    <>
      <form onSubmit={(event) => void submit(event)} aria-label={t('admin.createOrganization')}>
        <div className="grid grid-form" data-testid="create-organization">
          <TextInput label={t('admin.organizationName')} required value={name} onChange={(e) => setName(e.currentTarget.value)} />
          <Select
            label={t('admin.organizationKind')}
            data={ORGANIZATION_KINDS.map((k) => ({ value: k, label: t(`admin.kind.${k}`) }))}
            value={kind}
            onChange={(value) => setKind(value ?? 'GOVERNMENT')}
            allowDeselect={false}
          />
          <Button type="submit" loading={fetching} className="align-end">
            {t('admin.createOrganization')}
          </Button>
        </div>
        {error && (
          <Alert color="red" role="alert" mt="xs">
            {errorMessage(error)}
          </Alert>
        )}
      </form>
      <Table striped mt="md">
        <Table.Caption>{t('admin.organizationsCaption', { count: organizations.length })}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('admin.organizationName')}</Table.Th>
            <Table.Th scope="col">{t('admin.organizationKind')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {organizations.map((o) => (
            <Table.Tr key={o.id}>
              <Table.Th scope="row">{o.name}</Table.Th>
              <Table.Td>{t(`admin.kind.${o.kind}`)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}

/** The keys whose value differs between the row before and after a change. */
export function changedKeys(before: unknown, after: unknown): string[] {
  const a = (before ?? {}) as Record<string, unknown>;
  const b = (after ?? {}) as Record<string, unknown>;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].filter((key) => JSON.stringify(a[key]) !== JSON.stringify(b[key])).sort();
}

/** A calendar day (YYYY-MM-DD, local) as the instant it starts. */
const dayStart = (day: string, offsetDays = 0) => {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(y, m - 1, d + offsetDays).toISOString();
};

function AuditLog({ users }: { users: AdminUser[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [entity, setEntity] = useState<string | null>(null);
  const [actorId, setActorId] = useState<string | null>(null);
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [after, setAfter] = useState<string[]>([]);
  const filter = useMemo(
    () => ({
      ...(entity ? { entity } : {}),
      ...(actorId ? { actorId } : {}),
      ...(/^\d{4}-\d{2}-\d{2}$/.test(from) ? { since: dayStart(from) } : {}),
      ...(/^\d{4}-\d{2}-\d{2}$/.test(to) ? { before: dayStart(to, 1) } : {}),
    }),
    [entity, actorId, from, to],
  );
  const cursor = after[after.length - 1];
  const [{ data, error }] = useQuery({ query: AuditLogDocument, variables: { filter, after: cursor }, requestPolicy: 'network-only' });
  const reset =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      setAfter([]);
      set(v);
    };
  return (
    <>
      <form role="search" aria-label={t('admin.auditFilters')} onSubmit={(event) => event.preventDefault()}>
        <div className="grid grid-filters">
          <Select label={t('admin.entity')} data={[...AUDITED]} value={entity} onChange={reset(setEntity)} searchable clearable />
          <Select
            label={t('admin.actor')}
            data={users.map((u) => ({ value: u.id, label: u.displayName }))}
            value={actorId}
            onChange={reset(setActorId)}
            searchable
            clearable
          />
          <TextInput label={t('admin.from')} type="date" value={from} onChange={(e) => reset(setFrom)(e.currentTarget.value)} />
          <TextInput label={t('admin.to')} type="date" value={to} onChange={(e) => reset(setTo)(e.currentTarget.value)} />
        </div>
      </form>
      {error && (
        <Alert color="red" role="alert" mt="md">
          {errorMessage(error)}
        </Alert>
      )}
      <div className="table-scroll">
        <Table striped mt="md" data-testid="audit-log">
          <Table.Caption>{data ? t('admin.auditCaption', { count: data.auditLog.totalCount }) : t('app.loading')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('admin.at')}</Table.Th>
              <Table.Th scope="col">{t('admin.actor')}</Table.Th>
              <Table.Th scope="col">{t('admin.action')}</Table.Th>
              <Table.Th scope="col">{t('admin.entity')}</Table.Th>
              <Table.Th scope="col">{t('admin.changed')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(data?.auditLog.edges ?? []).map(({ node }) => (
              <Table.Tr key={node.id}>
                <Table.Td>
                  <time dateTime={node.at}>{format.dateTime(node.at)}</time>
                </Table.Td>
                <Table.Td>{node.actor?.displayName ?? t('admin.system')}</Table.Td>
                <Table.Td>{node.action}</Table.Td>
                <Table.Td>
                  {node.entity}{' '}
                  <Text span size="xs" c="dimmed">
                    {node.entityId}
                  </Text>
                </Table.Td>
                <Table.Td>{changedKeys(node.before, node.after).join(', ')}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </div>
      <Group mt="sm">
        <Button variant="default" disabled={after.length === 0} onClick={() => setAfter(after.slice(0, -1))}>
          {t('common.newer')}
        </Button>
        <Button
          variant="default"
          disabled={!data?.auditLog.pageInfo.hasNextPage}
          onClick={() => data?.auditLog.pageInfo.endCursor && setAfter([...after, data.auditLog.pageInfo.endCursor])}
        >
          {t('common.older')}
        </Button>
      </Group>
    </>
  );
}

/** Administration (admins only): organizations, users and the audit log. */
export default function AdminPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [{ data, error }] = useQuery({ query: AdminUsersDocument, pause: !can.admin });
  if (!can.admin) {
    return (
      <Alert color="red" role="alert">
        {t('admin.only')}
      </Alert>
    );
  }
  const users = data?.users ?? [];
  const organizations = data?.organizations ?? [];
  return (
    <>
      <Title order={1}>{t('admin.title')}</Title>
      {error && (
        <Alert color="red" role="alert" mt="md">
          {errorMessage(error)}
        </Alert>
      )}
      <Tabs defaultValue="users" mt="md" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="users">{t('admin.users')}</Tabs.Tab>
          <Tabs.Tab value="organizations">{t('admin.organizations')}</Tabs.Tab>
          <Tabs.Tab value="audit">{t('admin.audit')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="users">
          <Users users={users} organizations={organizations} />
        </Tabs.Panel>
        <Tabs.Panel value="organizations" pt="sm">
          <Organizations organizations={organizations} />
        </Tabs.Panel>
        <Tabs.Panel value="audit" pt="sm">
          <AuditLog users={users} />
        </Tabs.Panel>
      </Tabs>
    </>
  );
}
