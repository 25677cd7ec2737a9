import { Alert, Button, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { useMutation } from 'urql';
import { LanguageSwitcher } from '../components/LanguageSwitcher';
import { graphql } from '../gql';
import { errorMessage, formProblems, isUnauthenticated } from '../lib/errors';
import { endReason } from '../lib/session';
import { useSession } from '../lib/SessionContext';

const LoginDocument = graphql(`
  mutation Login($email: String!, $password: String!) {
    login(email: $email, password: $password) {
      token
    }
  }
`);

/** Where to go after signing in: the page the user was on (same origin, a path only). */
export function nextPath(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function SignInPage() {
  const { t } = useTranslation();
  const { token, signIn } = useSession();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [reason] = useState(endReason);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [{ fetching }, login] = useMutation(LoginDocument);
  const next = nextPath(params.get('next'));

  if (token) return <Navigate to={next} replace />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    const missing: Record<string, string> = {};
    if (!email.trim()) missing.email = t('auth.required');
    if (!password) missing.password = t('auth.required');
    setFieldErrors(missing);
    if (Object.keys(missing).length) return;
    const result = await login({ email: email.trim(), password });
    if (result.data) {
      signIn(result.data.login.token);
      void navigate(next, { replace: true });
      return;
    }
    if (isUnauthenticated(result.error)) return setProblem(t('auth.wrong'));
    const problems = formProblems(result.error, ['email', 'password']);
    setFieldErrors(problems.fields);
    setProblem(problems.other[0] ?? (result.error?.networkError ? t('errors.network') : (errorMessage(result.error) ?? null)));
  };

  const notice =
    reason === 'expired'
      ? t('auth.expired')
      : reason === 'revoked'
        ? t('auth.revoked')
        : reason === 'signedOut'
          ? t('auth.signedOut')
          : null;
  return (
    <main className="sign-in" id="main">
      <form onSubmit={(event) => void submit(event)} noValidate aria-labelledby="sign-in-title">
        <Paper withBorder shadow="sm" p="xl" radius="md">
          <Stack>
            <Group justify="space-between" align="flex-start">
              <div>
                <Text fw={700} size="xl">
                  {t('app.name')}
                </Text>
                <Text size="sm" c="dimmed">
                  {t('app.tagline')}
                </Text>
              </div>
              <LanguageSwitcher />
            </Group>
            <Title order={1} size="h2" id="sign-in-title">
              {t('auth.title')}
            </Title>
            {notice && (
              <Alert color={reason === 'signedOut' ? 'blue' : 'yellow'} role="status">
                {notice}
              </Alert>
            )}
            <Text size="sm">{t('auth.intro')}</Text>
            <TextInput
              label={t('auth.email')}
              type="email"
              autoComplete="username"
              required
              value={email}
              error={fieldErrors.email}
              onChange={(event) => setEmail(event.currentTarget.value)}
              data-autofocus
            />
            <PasswordInput
              label={t('auth.password')}
              autoComplete="current-password"
              required
              value={password}
              error={fieldErrors.password}
              onChange={(event) => setPassword(event.currentTarget.value)}
            />
            {problem && (
              <Alert color="red" role="alert">
                {problem}
              </Alert>
            )}
            <Button type="submit" loading={fetching}>
              {t('auth.submit')}
            </Button>
          </Stack>
        </Paper>
      </form>
    </main>
  );
}
