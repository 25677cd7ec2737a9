import { ActionIcon, Button, Group, Menu, Text, Tooltip, useMantineColorScheme } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink } from 'react-router-dom';
import { useCan, useSession } from '../lib/SessionContext';
import { LanguageSwitcher } from './LanguageSwitcher';
import { LogInteractionProvider, useLogInteraction } from './LogInteractionContext';
import { NotificationsBell } from './NotificationsBell';

/** The shortcut that opens "Log an interaction" from any page. */
export const LOG_SHORTCUT = 'mod+shift+L';

function LogButton() {
  const { t } = useTranslation();
  const { open } = useLogInteraction();
  useHotkeys([[LOG_SHORTCUT, () => open()]], []);
  const keys = navigator.platform?.startsWith('Mac') ? '⌘ ⇧ L' : 'Ctrl Shift L';
  return (
    <Tooltip label={t('logInteraction.shortcut', { keys })}>
      <Button size="sm" onClick={() => open()} aria-keyshortcuts="Control+Shift+L Meta+Shift+L">
        {t('logInteraction.button')}
      </Button>
    </Tooltip>
  );
}

function UserMenu() {
  const { t } = useTranslation();
  const { viewer, signOut } = useSession();
  const { colorScheme, toggleColorScheme } = useMantineColorScheme();
  return (
    <Group gap="xs">
      <ActionIcon
        variant="default"
        size="lg"
        onClick={toggleColorScheme}
        aria-label={t('app.colorScheme')}
        aria-pressed={colorScheme === 'dark'}
      >
        <span aria-hidden>{colorScheme === 'dark' ? '☀' : '☾'}</span>
      </ActionIcon>
      <Menu position="bottom-end">
        <Menu.Target>
          <Button variant="default" size="sm">
            {viewer?.displayName ?? '…'}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          {viewer && (
            <Menu.Label>
              <Text size="xs">{t('auth.signedInAs', { name: viewer.displayName, organization: viewer.organization.name })}</Text>
              <Text size="xs">{viewer.role ? t(`roles.${viewer.role}`) : ''}</Text>
            </Menu.Label>
          )}
          <Menu.Item component={Link} to="/settings">
            {t('nav.settings')}
          </Menu.Item>
          <Menu.Item onClick={() => void signOut()}>{t('auth.signOut')}</Menu.Item>
        </Menu.Dropdown>
      </Menu>
    </Group>
  );
}

/** The signed-in pages' frame: navigation, "Log an interaction", language, the user's menu. */
export function Shell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const can = useCan();
  const links = [
    { to: '/', label: t('nav.dashboard'), end: true },
    { to: '/targets', label: t('nav.targets') },
    { to: '/states', label: t('nav.states') },
    { to: '/contacts', label: t('nav.contacts') },
    { to: '/work-plans', label: t('navMore.workPlans') },
    { to: '/events', label: t('navMore.events') },
    { to: '/activity', label: t('navMore.activity') },
    ...(can.write ? [{ to: '/campaigns', label: t('navMore.campaigns') }] : []),
    ...(can.write ? [{ to: '/surveys', label: t('navMore.surveys') }] : []),
    ...(can.write ? [{ to: '/import', label: t('navMore.import') }] : []),
    ...(can.admin ? [{ to: '/admin', label: t('navMore.admin') }] : []),
  ];
  return (
    <LogInteractionProvider>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="shell-header">
        <Link to="/" className="brand">
          {t('app.name')}
        </Link>
        <nav aria-label={t('app.navigation')} className="shell-nav">
          {links.map((link) => (
            <NavLink key={link.to} to={link.to} end={link.end}>
              {link.label}
            </NavLink>
          ))}
        </nav>
        <div className="shell-tools">
          <LogButton />
          <NotificationsBell />
          <LanguageSwitcher />
          <UserMenu />
        </div>
      </header>
      <main id="main" className="shell-main" tabIndex={-1}>
        {children}
      </main>
    </LogInteractionProvider>
  );
}
