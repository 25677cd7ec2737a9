import { Alert, Badge, Button, FileInput, Group, Select, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCan } from '../lib/SessionContext';
import { getToken } from '../lib/session';
import '../i18n/later';

const ACTIONS = ['CREATE', 'UPDATE', 'UNCHANGED', 'REJECT'] as const;
type RowAction = (typeof ACTIONS)[number];

interface RowReport {
  line: number;
  action: RowAction;
  reasons: string[];
}
interface FileReport {
  file: string;
  errors: string[];
  ignoredColumns: string[];
  counts: Record<RowAction, number>;
  rows: RowReport[];
}
interface ImportReport {
  dryRun: boolean;
  committed: boolean;
  rejected: number;
  contacts: FileReport | null;
  interactions: FileReport | null;
}

/** A reason as the cell it is about ("date: …" names the column) and what is wrong with it. */
export function cellOf(reason: string): { column: string | null; problem: string } {
  const match = /^([A-Za-z_][\w -]{0,40}): (.+)$/s.exec(reason);
  return match ? { column: match[1], problem: match[2] } : { column: null, problem: reason };
}

async function upload(files: { contacts: File | null; interactions: File | null }, dryRun: boolean): Promise<ImportReport | string> {
  const body = new FormData();
  if (files.contacts) body.append('contacts', files.contacts);
  if (files.interactions) body.append('interactions', files.interactions);
  const response = await fetch(`/imports/spreadsheet${dryRun ? '?dryRun=true' : ''}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${getToken() ?? ''}` },
    body,
  });
  const json = (await response.json().catch(() => null)) as (Partial<ImportReport> & { message?: string }) | null;
  if (json && typeof json.committed === 'boolean') return json as ImportReport;
  return json?.message ?? `HTTP ${response.status}`;
}

function FileTable({ report, filter }: { report: FileReport; filter: RowAction | null }) {
  const { t } = useTranslation();
  const rows = report.rows.filter((row) => !filter || row.action === filter);
  return (
    <section>
      <Title order={2} size="h4" mt="md">
        {report.file}
      </Title>
      <Group gap="xs" my="xs">
        {ACTIONS.map((action) => (
          <Badge key={action} variant="light" color={action === 'REJECT' ? 'red' : 'gray'}>
            {t(`import.action.${action}`)}: {report.counts[action]}
          </Badge>
        ))}
      </Group>
      {report.errors.map((error) => (
        <Alert key={error} color="red" role="alert" mb="xs">
          {error}
        </Alert>
      ))}
      {report.ignoredColumns.length > 0 && <Text size="sm">{t('import.ignored', { columns: report.ignoredColumns.join(', ') })}</Text>}
      <div className="table-scroll">
        <Table striped data-testid={`report-${report.file}`}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('import.line')}</Table.Th>
              <Table.Th scope="col">{t('import.result')}</Table.Th>
              <Table.Th scope="col">{t('import.column')}</Table.Th>
              <Table.Th scope="col">{t('import.reason')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.flatMap((row) =>
              (row.reasons.length ? row.reasons : ['']).map((reason, i) => {
                const cell = cellOf(reason);
                return (
                  <Table.Tr key={`${row.line}-${i}`} data-action={row.action} data-line={row.line}>
                    <Table.Td>{row.line}</Table.Td>
                    <Table.Td>{t(`import.action.${row.action}`)}</Table.Td>
                    <Table.Td>{cell.column ?? ''}</Table.Td>
                    <Table.Td>{cell.problem}</Table.Td>
                  </Table.Tr>
                );
              }),
            )}
          </Table.Tbody>
        </Table>
      </div>
    </section>
  );
}

/** Spreadsheet import: contacts.csv and interactions.csv, checked (dry run), then imported all or nothing. */
export default function ImportPage() {
  const { t } = useTranslation();
  const can = useCan();
  const [files, setFiles] = useState<{ contacts: File | null; interactions: File | null }>({ contacts: null, interactions: null });
  const [report, setReport] = useState<ImportReport | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [filter, setFilter] = useState<RowAction | null>(null);
  if (!can.write) {
    return (
      <Alert color="red" role="alert">
        {t('import.only')}
      </Alert>
    );
  }
  const run = async (dryRun: boolean) => {
    setBusy(true);
    setFailure(null);
    try {
      const result = await upload(files, dryRun);
      if (typeof result === 'string') setFailure(result);
      else setReport(result);
    } finally {
      setBusy(false);
    }
  };
  const choose = (field: 'contacts' | 'interactions') => (file: File | null) => {
    setFiles({ ...files, [field]: file });
    setReport(null);
  };
  const none = !files.contacts && !files.interactions;
  return (
    <>
      <Title order={1}>{t('import.title')}</Title>
      <Text c="dimmed" mb="md">
        {t('import.intro')}
      </Text>
      <div className="grid grid-filters">
        <FileInput
          label="contacts.csv"
          accept=".csv,text/csv"
          clearable
          value={files.contacts}
          onChange={choose('contacts')}
          placeholder={t('import.choose')}
          clearButtonProps={{ 'aria-label': t('import.clear', { file: 'contacts.csv' }) }}
        />
        <FileInput
          label="interactions.csv"
          accept=".csv,text/csv"
          clearable
          value={files.interactions}
          onChange={choose('interactions')}
          placeholder={t('import.choose')}
          clearButtonProps={{ 'aria-label': t('import.clear', { file: 'interactions.csv' }) }}
        />
      </div>
      <Group mt="md">
        <Button variant="default" onClick={() => void run(true)} loading={busy} disabled={none}>
          {t('import.check')}
        </Button>
        <Button onClick={() => void run(false)} loading={busy} disabled={none || !report}>
          {t('import.import')}
        </Button>
      </Group>
      {failure && (
        <Alert color="red" role="alert" mt="md">
          {failure}
        </Alert>
      )}
      {report && (
        <div role="status" aria-live="polite">
          <Alert mt="md" color={report.committed ? 'green' : report.rejected ? 'red' : 'blue'} data-testid="import-outcome">
            {report.committed
              ? t('import.done')
              : report.rejected
                ? t(report.dryRun ? 'import.wouldRefuse' : 'import.refused', { count: report.rejected })
                : t('import.ready')}
          </Alert>
        </div>
      )}
      {report && (
        <>
          <Select
            mt="md"
            label={t('import.show')}
            data={ACTIONS.map((action) => ({ value: action, label: t(`import.action.${action}`) }))}
            value={filter}
            onChange={(value) => setFilter(value as RowAction | null)}
            placeholder={t('import.all')}
            clearable
          />
          {report.contacts && <FileTable report={report.contacts} filter={filter} />}
          {report.interactions && <FileTable report={report.interactions} filter={filter} />}
        </>
      )}
    </>
  );
}
