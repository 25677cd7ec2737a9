/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query Viewer {\n    me {\n      id\n      displayName\n      email\n      role\n      preferredLanguage\n      organization {\n        id\n        name\n      }\n    }\n  }\n": typeof types.ViewerDocument,
    "\n  mutation SetPreferredLanguage($language: String!) {\n    setPreferredLanguage(language: $language) {\n      id\n      preferredLanguage\n    }\n  }\n": typeof types.SetPreferredLanguageDocument,
    "\n  query DashboardStates($asOf: Date) {\n    states(first: 200, filter: { asOf: $asOf }) {\n      totalCount\n      edges {\n        node {\n          iso3\n          name\n          m49Code\n          regionalGroup\n          treatyStatus\n          ratificationStage\n        }\n      }\n    }\n  }\n": typeof types.DashboardStatesDocument,
    "\n  query DashboardTimeline {\n    treatyTimeline {\n      regionalGroup\n      points {\n        date\n        statesParties\n        signatories\n      }\n    }\n  }\n": typeof types.DashboardTimelineDocument,
    "\n  query DashboardWork($dueBefore: Date) {\n    followUps(dueBefore: $dueBefore, first: 50) {\n      totalCount\n      edges {\n        node {\n          id\n          subject\n          followUpOn\n          author {\n            id\n          }\n          states {\n            iso3\n            name\n          }\n        }\n      }\n    }\n    awaitingReplies(first: 8) {\n      totalCount\n      edges {\n        node {\n          id\n          subject\n          occurredOn\n          type\n          states {\n            iso3\n            name\n          }\n        }\n      }\n    }\n  }\n": typeof types.DashboardWorkDocument,
    "\n  query DashboardActivity {\n    activityFeed(first: 10) {\n      edges {\n        node {\n          id\n          kind\n          summary\n          occurredAt\n          states {\n            iso3\n            name\n          }\n        }\n      }\n    }\n  }\n": typeof types.DashboardActivityDocument,
    "\n  subscription ActivityAdded {\n    activityAdded {\n      id\n      kind\n      summary\n      occurredAt\n      states {\n        iso3\n        name\n      }\n    }\n  }\n": typeof types.ActivityAddedDocument,
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      token\n    }\n  }\n": typeof types.LoginDocument,
};
const documents: Documents = {
    "\n  query Viewer {\n    me {\n      id\n      displayName\n      email\n      role\n      preferredLanguage\n      organization {\n        id\n        name\n      }\n    }\n  }\n": types.ViewerDocument,
    "\n  mutation SetPreferredLanguage($language: String!) {\n    setPreferredLanguage(language: $language) {\n      id\n      preferredLanguage\n    }\n  }\n": types.SetPreferredLanguageDocument,
    "\n  query DashboardStates($asOf: Date) {\n    states(first: 200, filter: { asOf: $asOf }) {\n      totalCount\n      edges {\n        node {\n          iso3\n          name\n          m49Code\n          regionalGroup\n          treatyStatus\n          ratificationStage\n        }\n      }\n    }\n  }\n": types.DashboardStatesDocument,
    "\n  query DashboardTimeline {\n    treatyTimeline {\n      regionalGroup\n      points {\n        date\n        statesParties\n        signatories\n      }\n    }\n  }\n": types.DashboardTimelineDocument,
    "\n  query DashboardWork($dueBefore: Date) {\n    followUps(dueBefore: $dueBefore, first: 50) {\n      totalCount\n      edges {\n        node {\n          id\n          subject\n          followUpOn\n          author {\n            id\n          }\n          states {\n            iso3\n            name\n          }\n        }\n      }\n    }\n    awaitingReplies(first: 8) {\n      totalCount\n      edges {\n        node {\n          id\n          subject\n          occurredOn\n          type\n          states {\n            iso3\n            name\n          }\n        }\n      }\n    }\n  }\n": types.DashboardWorkDocument,
    "\n  query DashboardActivity {\n    activityFeed(first: 10) {\n      edges {\n        node {\n          id\n          kind\n          summary\n          occurredAt\n          states {\n            iso3\n            name\n          }\n        }\n      }\n    }\n  }\n": types.DashboardActivityDocument,
    "\n  subscription ActivityAdded {\n    activityAdded {\n      id\n      kind\n      summary\n      occurredAt\n      states {\n        iso3\n        name\n      }\n    }\n  }\n": types.ActivityAddedDocument,
    "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      token\n    }\n  }\n": types.LoginDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Viewer {\n    me {\n      id\n      displayName\n      email\n      role\n      preferredLanguage\n      organization {\n        id\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  query Viewer {\n    me {\n      id\n      displayName\n      email\n      role\n      preferredLanguage\n      organization {\n        id\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetPreferredLanguage($language: String!) {\n    setPreferredLanguage(language: $language) {\n      id\n      preferredLanguage\n    }\n  }\n"): (typeof documents)["\n  mutation SetPreferredLanguage($language: String!) {\n    setPreferredLanguage(language: $language) {\n      id\n      preferredLanguage\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashboardStates($asOf: Date) {\n    states(first: 200, filter: { asOf: $asOf }) {\n      totalCount\n      edges {\n        node {\n          iso3\n          name\n          m49Code\n          regionalGroup\n          treatyStatus\n          ratificationStage\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query DashboardStates($asOf: Date) {\n    states(first: 200, filter: { asOf: $asOf }) {\n      totalCount\n      edges {\n        node {\n          iso3\n          name\n          m49Code\n          regionalGroup\n          treatyStatus\n          ratificationStage\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashboardTimeline {\n    treatyTimeline {\n      regionalGroup\n      points {\n        date\n        statesParties\n        signatories\n      }\n    }\n  }\n"): (typeof documents)["\n  query DashboardTimeline {\n    treatyTimeline {\n      regionalGroup\n      points {\n        date\n        statesParties\n        signatories\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashboardWork($dueBefore: Date) {\n    followUps(dueBefore: $dueBefore, first: 50) {\n      totalCount\n      edges {\n        node {\n          id\n          subject\n          followUpOn\n          author {\n            id\n          }\n          states {\n            iso3\n            name\n          }\n        }\n      }\n    }\n    awaitingReplies(first: 8) {\n      totalCount\n      edges {\n        node {\n          id\n          subject\n          occurredOn\n          type\n          states {\n            iso3\n            name\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query DashboardWork($dueBefore: Date) {\n    followUps(dueBefore: $dueBefore, first: 50) {\n      totalCount\n      edges {\n        node {\n          id\n          subject\n          followUpOn\n          author {\n            id\n          }\n          states {\n            iso3\n            name\n          }\n        }\n      }\n    }\n    awaitingReplies(first: 8) {\n      totalCount\n      edges {\n        node {\n          id\n          subject\n          occurredOn\n          type\n          states {\n            iso3\n            name\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DashboardActivity {\n    activityFeed(first: 10) {\n      edges {\n        node {\n          id\n          kind\n          summary\n          occurredAt\n          states {\n            iso3\n            name\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query DashboardActivity {\n    activityFeed(first: 10) {\n      edges {\n        node {\n          id\n          kind\n          summary\n          occurredAt\n          states {\n            iso3\n            name\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription ActivityAdded {\n    activityAdded {\n      id\n      kind\n      summary\n      occurredAt\n      states {\n        iso3\n        name\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription ActivityAdded {\n    activityAdded {\n      id\n      kind\n      summary\n      occurredAt\n      states {\n        iso3\n        name\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      token\n    }\n  }\n"): (typeof documents)["\n  mutation Login($email: String!, $password: String!) {\n    login(email: $email, password: $password) {\n      token\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;