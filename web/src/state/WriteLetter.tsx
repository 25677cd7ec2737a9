import { Alert, Button, FileInput, Group, List, Paper, Select, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { authorizedFetch, fileNameOf, saveResponse } from '../lib/download';

interface DryRun {
  language: string;
  languageSource: string;
  missingPlaceholders: string[];
}

/** "Write a letter": fills a Word template for this State (and one of its contacts), through POST /letters/:iso3. */
export function WriteLetter({ iso3, contacts }: { iso3: string; contacts: { id: string; fullName: string }[] }) {
  const { t, i18n } = useTranslation();
  const [template, setTemplate] = useState<File | null>(null);
  const [contactId, setContactId] = useState<string>('');
  const [language, setLanguage] = useState<string>('');
  const [checked, setChecked] = useState<DryRun | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const send = async (dryRun: boolean) => {
    if (!template) return;
    setBusy(true);
    setError(null);
    try {
      const params = new URLSearchParams();
      if (contactId) params.set('contactId', contactId);
      if (language) params.set('language', language);
      if (dryRun) params.set('dryRun', 'true');
      const body = new FormData();
      body.append('template', template, template.name);
      const response = await authorizedFetch(`/letters/${iso3}?${params}`, { method: 'POST', body });
      if (dryRun) {
        const answer = (await response.json()) as DryRun & { message?: string; details?: { problems?: string[] } };
        if (!response.ok) throw new Error(answer.details?.problems?.join('; ') || answer.message || String(response.status));
        setChecked(answer);
      } else {
        await saveResponse(response, fileNameOf(response, `${iso3}-letter.docx`));
      }
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper withBorder p="md" component="section" aria-labelledby="write-letter-title">
      <Title order={2} id="write-letter-title" size="h3">
        {t('letters.title')}
      </Title>
      <Text size="sm" c="dimmed" mt="xs">
        {t('letters.help')}
      </Text>
      <FileInput
        mt="sm"
        label={t('letters.template')}
        placeholder={t('letters.choose')}
        accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        value={template}
        onChange={(file) => {
          setTemplate(file);
          setChecked(null);
        }}
      />
      <Select
        mt="sm"
        label={t('letters.to')}
        data={[{ value: '', label: t('letters.toState') }, ...contacts.map((c) => ({ value: c.id, label: c.fullName }))]}
        value={contactId}
        onChange={(value) => {
          setContactId(value ?? '');
          setChecked(null);
        }}
        allowDeselect={false}
      />
      <Select
        mt="sm"
        label={t('letters.language')}
        data={[
          { value: '', label: t('letters.languageAuto') },
          { value: 'en', label: 'English' },
          { value: 'fr', label: 'Français' },
          { value: 'es', label: 'Español' },
        ]}
        value={language}
        onChange={(value) => {
          setLanguage(value ?? '');
          setChecked(null);
        }}
        allowDeselect={false}
      />
      {error && (
        <Alert mt="sm" color="red" role="alert">
          {error}
        </Alert>
      )}
      {checked && (
        <div role="status">
          <Text size="sm" mt="sm">
            {t('letters.inLanguage', {
              language: new Intl.DisplayNames(i18n.language, { type: 'language' }).of(checked.language.toLowerCase()),
            })}
          </Text>
          {checked.missingPlaceholders.length === 0 ? (
            <Text size="sm">{t('letters.allFilled')}</Text>
          ) : (
            <>
              <Text size="sm">{t('letters.missing')}</Text>
              <List size="sm">
                {checked.missingPlaceholders.map((name) => (
                  <List.Item key={name}>
                    <code>{`{${name}}`}</code>
                  </List.Item>
                ))}
              </List>
            </>
          )}
        </div>
      )}
      <Group mt="sm">
        <Button variant="default" disabled={!template} loading={busy} onClick={() => void send(true)}>
          {t('letters.check')}
        </Button>
        <Button disabled={!template} loading={busy} onClick={() => void send(false)}>
          {t('letters.download')}
        </Button>
      </Group>
    </Paper>
  );
}
