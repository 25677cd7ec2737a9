import type { RegionalGroup } from '../common/enums.js';
import { markdownText, toCsv } from '../common/export-text.js';
import type { SurveyChoiceCount, SurveyQuestionResult } from '../surveys/survey.model.js';
import type { ProgressReport, ProgressReportSurvey, StateTally } from './progress-report.model.js';

const label = (value: string) => value.charAt(0) + value.slice(1).toLowerCase().replace(/_/g, ' ');

/** The groups' names as the UN writes them (DGACM). */
const GROUP_NAMES: Record<RegionalGroup, string> = {
  AFRICAN: 'African',
  ASIA_PACIFIC: 'Asia-Pacific',
  EASTERN_EUROPEAN: 'Eastern European',
  LATIN_AMERICAN_AND_CARIBBEAN: 'Latin American and Caribbean',
  WESTERN_EUROPEAN_AND_OTHERS: 'Western European and Others',
};

/** Every line of the report: section, measure, the number and its States. */
function lines(report: ProgressReport): [section: string, measure: string, tally: StateTally][] {
  return [
    ['States contacted', 'States with at least one interaction', report.statesContacted],
    ['Interactions', 'All types', report.interactions],
    ...report.interactionsByType.map((row) => ['Interactions', label(row.type), row] as [string, string, StateTally]),
    ['Letters', 'Sent', report.letters.sent],
    ['Letters', 'Answered', report.letters.answered],
    ['Letters', 'Unanswered', report.letters.unanswered],
    ['Stage moves', 'Forward', report.stageMoves.forward],
    ['Stage moves', 'Back', report.stageMoves.back],
    ['Obstacles', 'Recorded', report.obstacles.recorded],
    ['Obstacles', 'Addressed', report.obstacles.addressed],
    ['Treaty', 'Signatures', report.treaty.signatures],
    ['Treaty', 'Ratifications and accessions', report.treaty.ratifications],
  ];
}

/** The report's surveys, with the names of the States behind their results. */
export interface ReportSurveys {
  surveys: ProgressReportSurvey[];
  stateNames: Map<string, string>;
}

/** Where a count of survey answers is from: every regional group, one, or the States outside them (null). */
type SurveyArea = 'ALL' | RegionalGroup | null;

/** A question's lines: each choice over all regional groups, then per regional group the choices picked there. */
function questionLines(result: SurveyQuestionResult, stateNames: Map<string, string>): [area: SurveyArea, choice: SurveyChoiceCount][] {
  const byName = (choice: SurveyChoiceCount): SurveyChoiceCount => ({
    ...choice,
    stateIso3s: [...choice.stateIso3s].sort((a, b) => (stateNames.get(a) ?? a).localeCompare(stateNames.get(b) ?? b, 'en')),
  });
  return [
    ...result.choices.map((choice): [SurveyArea, SurveyChoiceCount] => ['ALL', byName(choice)]),
    ...result.regions.flatMap((region) =>
      region.choices.filter((c) => c.count > 0).map((choice): [SurveyArea, SurveyChoiceCount] => [region.regionalGroup, byName(choice)]),
    ),
  ];
}

const questionLabel = (result: SurveyQuestionResult) => `Q${result.question.position}. ${result.question.text}`;
const choiceLabel = (choice: string | null) => choice ?? 'Free text only';
const areaLabel = (area: SurveyArea) => (area === 'ALL' ? 'All' : area ? GROUP_NAMES[area] : 'Outside the regional groups');

export interface ReportHeading {
  mandateName: string | null;
  organizationNames: string[] | null;
}

/** CSV: one row per number, with the States' ISO codes and names (text cells neutralised: see toCsv). */
export function reportCsv(report: ProgressReport, surveys: ReportSurveys = { surveys: [], stateNames: new Map() }): string {
  return toCsv([
    ['section', 'measure', 'count', 'state_iso3s', 'states'],
    ...lines(report).map(([section, measure, t]) => [
      section,
      measure,
      t.count,
      t.stateRefs.map((s) => s.iso3).join(';'),
      t.stateRefs.map((s) => s.name).join('; '),
    ]),
    // The surveys' results: per question, a row per choice over all regional groups, then per group the choices picked there.
    ...surveys.surveys.flatMap(({ survey, results }) =>
      results.flatMap((result) =>
        questionLines(result, surveys.stateNames).map(([area, choice]) => [
          `Survey: ${survey.name}`,
          `${questionLabel(result)} | ${choiceLabel(choice.choice)} | ${areaLabel(area)}`,
          choice.count,
          choice.stateIso3s.join(';'),
          choice.stateIso3s.map((iso3) => surveys.stateNames.get(iso3) ?? iso3).join('; '),
        ]),
      ),
    ),
  ]);
}

const md = markdownText;

/** Markdown, to paste into a report to the Meeting of States Parties. Every name is escaped (see markdownText). */
export function reportMarkdown(
  report: ProgressReport,
  heading: ReportHeading,
  surveys: ReportSurveys = { surveys: [], stateNames: new Map() },
): string {
  const scope = [
    `Period: ${md(report.from)} to ${md(report.to)}`,
    `Regional groups: ${report.regionalGroups.length ? report.regionalGroups.map((group) => GROUP_NAMES[group]).join(', ') : 'all'}`,
  ];
  if (report.stateIso3s) scope.push(`States: ${report.stateIso3s.map(md).join(', ')}`);
  if (heading.mandateName) scope.push(`Mandate: ${md(heading.mandateName)}`);
  scope.push(`Interactions of: ${heading.organizationNames ? heading.organizationNames.map(md).join(', ') : 'every organization'}`);
  const out = [
    `# Progress report, ${md(report.from)} to ${md(report.to)}`,
    '',
    ...scope.map((line) => `- ${line}`),
    '',
    '| Section | Measure | Number | States |',
    '| --- | --- | ---: | --- |',
    ...lines(report).map(
      ([section, measure, t]) => `| ${section} | ${measure} | ${t.count} | ${t.stateRefs.map((s) => md(s.name)).join(', ')} |`,
    ),
  ];
  if (report.stageMoves.moves.length) {
    out.push('', '## Stage moves', '', '| Date | State | From | To | Direction |', '| --- | --- | --- | --- | --- |');
    for (const move of report.stageMoves.moves) {
      out.push(`| ${move.effectiveOn} | ${md(move.stateName)} | ${label(move.from)} | ${label(move.to)} | ${label(move.direction)} |`);
    }
  }
  if (surveys.surveys.length) {
    const names = (iso3s: string[]) => iso3s.map((iso3) => md(surveys.stateNames.get(iso3) ?? iso3)).join(', ');
    out.push('', '## Surveys');
    for (const { survey, results } of surveys.surveys) {
      out.push('', `### ${md(survey.name)}`);
      for (const result of results) {
        out.push('', `${md(questionLabel(result))} (answered by ${result.answers} ${result.answers === 1 ? 'State' : 'States'})`, '');
        out.push('| Regional group | Choice | Number | States |', '| --- | --- | ---: | --- |');
        for (const [area, choice] of questionLines(result, surveys.stateNames)) {
          out.push(`| ${areaLabel(area)} | ${md(choiceLabel(choice.choice))} | ${choice.count} | ${names(choice.stateIso3s)} |`);
        }
      }
    }
  }
  return `${out.join('\n')}\n`;
}
