import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import type { Viewer } from '../auth/viewer.js';
import { groupsFor } from '../common/batches.js';
import { requireViewer, type LoaderSource } from '../graphql/loaders.js';
import type { SurveyAnswer, SurveyQuestion } from './survey.model.js';
import { SurveysRepository } from './surveys.repository.js';

/** Each survey's questions and the answers the viewer may see, and the survey a campaign sends. */
@Injectable()
export class SurveyLoaders implements LoaderSource {
  constructor(private readonly surveys: SurveysRepository) {}

  forRequest(viewer: Viewer | null) {
    const { surveys } = this;
    return {
      questions: new DataLoader<string, SurveyQuestion[]>(async (ids) =>
        groupsFor(ids, await surveys.questionsOf(ids), (row) => row.surveyId),
      ),
      answers: new DataLoader<string, SurveyAnswer[]>(async (ids) =>
        groupsFor(ids, await surveys.answersOf(requireViewer(viewer), ids), (row) => row.surveyId),
      ),
      /** The survey a campaign sends, when the viewer may see it. */
      surveyOfCampaign: new DataLoader<string, string | null>(async (ids) => {
        const rows = await surveys.visibleOfCampaigns(requireViewer(viewer), ids);
        return ids.map((id) => rows.find((row) => row.campaignId === id)?.id ?? null);
      }),
    };
  }
}
