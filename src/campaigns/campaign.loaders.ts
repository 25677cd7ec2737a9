import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import type { Viewer } from '../auth/viewer.js';
import { toTeam, type Team } from '../common/editable.js';
import { requireViewer, type LoaderSource } from '../graphql/loaders.js';
import { CampaignsRepository, type LetterRow, type PartnerWork } from './campaigns.repository.js';
import { LettersRepository, type TemplateRow } from './letters.repository.js';

/** The per-request batches of the campaign fields: one statement for all the campaigns of a response. */
class CampaignBatches {
  readonly letters: DataLoader<string, LetterRow[]>;
  readonly addressees: DataLoader<string, string[]>;
  readonly partners: DataLoader<string, PartnerWork[]>;
  readonly possibleOwners: DataLoader<string, string[]>;
  readonly teams: DataLoader<string, Team>;
  /** Each campaign's Word templates. */
  readonly templates: DataLoader<string, TemplateRow[]>;

  constructor(repo: CampaignsRepository, letters: LettersRepository, viewer: Viewer) {
    this.letters = new DataLoader(async (ids) => {
      const rows = await repo.lettersOf(viewer, ids);
      return ids.map((id) => rows.filter((row) => row.campaignId === id));
    });
    this.addressees = new DataLoader(async (ids) => {
      const map = await repo.addresseesOf(ids);
      return ids.map((id) => map.get(id) ?? []);
    });
    this.partners = new DataLoader(async (iso3s) => {
      const rows = await repo.partnersOfStates(iso3s);
      return iso3s.map((iso3) => rows.filter((row) => row.stateIso3 === iso3));
    });
    this.possibleOwners = new DataLoader(async (organizationIds) => {
      const map = await repo.possibleOwnersOf(organizationIds);
      return organizationIds.map((id) => map.get(id) ?? []);
    });
    this.teams = new DataLoader(async (ids) => {
      const map = await repo.teamsOf(ids);
      return ids.map((id) => map.get(id) ?? toTeam(undefined));
    });
    this.templates = new DataLoader(async (ids) => {
      const rows = await letters.templatesOf(ids);
      return ids.map((id) => rows.filter((row) => row.campaignId === id));
    });
  }
}

@Injectable()
export class CampaignLoaders implements LoaderSource<CampaignBatches> {
  constructor(
    private readonly campaigns: CampaignsRepository,
    private readonly letters: LettersRepository,
  ) {}

  forRequest(viewer: Viewer | null): CampaignBatches {
    return new CampaignBatches(this.campaigns, this.letters, requireViewer(viewer));
  }
}
