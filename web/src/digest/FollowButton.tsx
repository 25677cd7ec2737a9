import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { graphql } from '../gql';

const FollowedStatesDocument = graphql(`
  query FollowedStates {
    followedStates {
      iso3
    }
  }
`);

const FollowDocument = graphql(`
  mutation FollowState($iso3: String!) {
    followState(iso3: $iso3) {
      iso3
    }
  }
`);

const UnfollowDocument = graphql(`
  mutation UnfollowState($iso3: String!) {
    unfollowState(iso3: $iso3) {
      iso3
    }
  }
`);

/** Follow a State: its activity and stage changes then come in my daily e-mail. */
export function FollowButton({ iso3, name }: { iso3: string; name: string }) {
  const { t } = useTranslation();
  const [{ data }, refetch] = useQuery({ query: FollowedStatesDocument, requestPolicy: 'cache-and-network' });
  const [{ fetching: following }, follow] = useMutation(FollowDocument);
  const [{ fetching: unfollowing }, unfollow] = useMutation(UnfollowDocument);
  const followed = !!data?.followedStates.some((state) => state.iso3 === iso3);
  const toggle = async () => {
    await (followed ? unfollow({ iso3 }) : follow({ iso3 }));
    refetch({ requestPolicy: 'network-only' });
  };
  return (
    <Button
      variant={followed ? 'light' : 'default'}
      aria-pressed={followed}
      loading={following || unfollowing}
      disabled={!data}
      title={t('digest.followHelp', { name })}
      onClick={() => void toggle()}
    >
      {followed ? t('digest.following') : t('digest.follow')}
    </Button>
  );
}
