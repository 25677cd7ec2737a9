// Every migration, in order: `npm run migration:generate` writes this list, so that the app, the CLI
// and the tests load the same set without finding files at run time (the service runs as one bundle).
import { InitialSchema1795800199908 } from './1795800199908-initial-schema.js';
import { Targeting1795801911291 } from './1795801911291-targeting.js';
import { Sharing1795803009221 } from './1795803009221-sharing.js';
import { WorkflowActivity1795810107088 } from './1795810107088-workflow-activity.js';
import { Performance1795820000000 } from './1795820000000-performance.js';
import { CampaignsAndEvents1795830000000 } from './1795830000000-campaigns-and-events.js';
import { WorkPlans1795840000000 } from './1795840000000-work-plans.js';
import { ContactPostings1795850000000 } from './1795850000000-contact-postings.js';
import { SpreadsheetImport1795860000000 } from './1795860000000-spreadsheet-import.js';
import { EventAndCampaignEdits1795870000000 } from './1795870000000-event-and-campaign-edits.js';
import { PlannedMeetingEdits1795880000000 } from './1795880000000-planned-meeting-edits.js';
import { IdempotencyKeys1795900000000 } from './1795900000000-idempotency-keys.js';
import { TextVisibility1795920000000 } from './1795920000000-text-visibility.js';
import { TokenRevocation1795930000000 } from './1795930000000-token-revocation.js';
import { M49Codes1795940000000 } from './1795940000000-m49-codes.js';
import { OneStatementLog1795950000000 } from './1795950000000-one-statement-log.js';
import { TreatyActions1795960000000 } from './1795960000000-treaty-actions.js';
import { JointWork1795970000000 } from './1795970000000-joint-work.js';
import { Search1795980000000 } from './1795980000000-search.js';
import { EffectiveDates1795990000000 } from './1795990000000-effective-dates.js';
import { PreferredLanguage1796000000000 } from './1796000000000-preferred-language.js';
import { ActivityReadAt1796030000000 } from './1796030000000-activity-read-at.js';
import { LetterTemplates1796040000000 } from './1796040000000-letter-templates.js';
import { CalendarFeeds1796045000000 } from './1796045000000-calendar-feeds.js';
import { Digests1796050000000 } from './1796050000000-digests.js';
import { Surveys1796060000000 } from './1796060000000-surveys.js';

export const MIGRATIONS = [
  InitialSchema1795800199908,
  Targeting1795801911291,
  Sharing1795803009221,
  WorkflowActivity1795810107088,
  Performance1795820000000,
  CampaignsAndEvents1795830000000,
  WorkPlans1795840000000,
  ContactPostings1795850000000,
  SpreadsheetImport1795860000000,
  EventAndCampaignEdits1795870000000,
  PlannedMeetingEdits1795880000000,
  IdempotencyKeys1795900000000,
  TextVisibility1795920000000,
  TokenRevocation1795930000000,
  M49Codes1795940000000,
  OneStatementLog1795950000000,
  TreatyActions1795960000000,
  JointWork1795970000000,
  Search1795980000000,
  EffectiveDates1795990000000,
  PreferredLanguage1796000000000,
  ActivityReadAt1796030000000,
  LetterTemplates1796040000000,
  CalendarFeeds1796045000000,
  Digests1796050000000,
  Surveys1796060000000,
];
