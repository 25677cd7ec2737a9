-- What PostGraphile needs beyond the service's tables, created (and dropped) by the benchmark, never
-- by the service's migrations: schema bench_peer, and the computed columns, which PostGraphile v4
-- only finds in the schema of their table (public), all named after their table and listed here. The viewer comes from pgSettings:
-- bench.viewer_id, bench.viewer_org, bench.viewer_role. The visibility rule is the service's
-- (src/auth/visibility.ts), written out in every function that reads interactions.
DROP FUNCTION IF EXISTS public.states_treaty_status(states), public.states_last_interaction_on(states), public.states_obstacles(states),
  public.states_votes_newest(states), public.states_visible_interactions(states), public.states_visible_interaction_count(states),
  public.interactions_contacts_ordered(interactions),
  public.activity_events_states(activity_events);
DROP SCHEMA IF EXISTS bench_peer CASCADE;
CREATE SCHEMA bench_peer;

-- Q1: the States not Party of some regional groups, by name (the service's `targets`, orderBy: NAME).
CREATE FUNCTION bench_peer.targets(groups regional_group[]) RETURNS SETOF states LANGUAGE sql STABLE AS $$
  SELECT s.* FROM states s
  WHERE s.regional_group = ANY(groups)
    AND ccm_treaty_status(s.signature_date, s.consent_date, s.withdrawal_date, (now() AT TIME ZONE 'UTC')::date) IN ('SIGNATORY', 'NOT_SIGNED', 'WITHDRAWN')
  ORDER BY s.name, s.iso3
$$;

CREATE FUNCTION public.states_treaty_status(s states) RETURNS text LANGUAGE sql STABLE AS $$
  SELECT ccm_treaty_status(s.signature_date, s.consent_date, s.withdrawal_date, (now() AT TIME ZONE 'UTC')::date)
$$;

-- The visibility rule as index ranges of interaction_states, whose rows carry their interaction's
-- visibility and organization (the service's visibleLinkRanges): SHARED; COORDINATORS and the
-- viewer's organization's ORGANIZATION links unless the viewer is a partner. The role test is a
-- constant, so each range is an index probe or walk, or nothing.
CREATE FUNCTION public.states_last_interaction_on(s states) RETURNS date LANGUAGE sql STABLE AS $$
  SELECT CASE WHEN coalesce(current_setting('bench.viewer_role', true), '') = 'PARTNER'
    THEN (SELECT max(l.occurred_on) FROM interaction_states l WHERE l.state_iso3 = s.iso3 AND l.visibility = 'SHARED')
    ELSE greatest(
      (SELECT max(l.occurred_on) FROM interaction_states l WHERE l.state_iso3 = s.iso3 AND l.visibility = 'SHARED'),
      (SELECT max(l.occurred_on) FROM interaction_states l WHERE l.state_iso3 = s.iso3 AND l.visibility = 'COORDINATORS'),
      (SELECT max(l.occurred_on) FROM interaction_states l WHERE l.state_iso3 = s.iso3 AND l.visibility = 'ORGANIZATION'
                                                             AND l.organization_id = nullif(current_setting('bench.viewer_org', true), '')::uuid)) END
$$;

CREATE TYPE bench_peer.voting_record AS (
  yes int, no int, abstain int, non_voting int, total int, yes_share float8, consecutive_yes int, last_choice vote_choice
);

CREATE FUNCTION public.states_voting_record(s states) RETURNS bench_peer.voting_record LANGUAGE sql STABLE AS $$
  SELECT (count(*) FILTER (WHERE v.choice = 'YES'), count(*) FILTER (WHERE v.choice = 'NO'),
          count(*) FILTER (WHERE v.choice = 'ABSTAIN'), count(*) FILTER (WHERE v.choice = 'NON_VOTING'), count(*),
          CASE WHEN count(*) = 0 THEN 0 ELSE (count(*) FILTER (WHERE v.choice = 'YES'))::float8 / count(*) END,
          coalesce(min(v.rn) FILTER (WHERE v.choice <> 'YES') - 1, count(*)),
          min(v.choice::text) FILTER (WHERE v.rn = 1)::vote_choice)::bench_peer.voting_record
  FROM (SELECT v.choice, row_number() OVER (ORDER BY r.adopted_on DESC, r.symbol DESC) AS rn
        FROM votes v JOIN resolutions r ON r.symbol = v.resolution_symbol WHERE v.state_iso3 = s.iso3) v
$$;

-- Open first, then the newest recordedOn (the service's order).
CREATE FUNCTION public.states_obstacles(s states) RETURNS SETOF obstacles LANGUAGE sql STABLE AS $$
  SELECT o.* FROM obstacles o WHERE o.state_iso3 = s.iso3 ORDER BY o.status = 'ADDRESSED', o.recorded_on DESC, o.id
$$;

-- Q2: a State's votes newest first, and the interactions the viewer may see, newest first.
CREATE FUNCTION public.states_votes_newest(s states) RETURNS SETOF votes LANGUAGE sql STABLE AS $$
  SELECT v.* FROM votes v JOIN resolutions r ON r.symbol = v.resolution_symbol
  WHERE v.state_iso3 = s.iso3 ORDER BY r.adopted_on DESC, r.symbol DESC
$$;

-- The ranges merged newest first (a Merge Append of three backward index walks): PostGraphile's
-- LIMIT stops them after a page.
CREATE FUNCTION public.states_visible_interactions(s states) RETURNS SETOF interactions LANGUAGE sql STABLE AS $$
  SELECT i.* FROM (
    (SELECT l.interaction_id, l.occurred_on, l.created_at FROM interaction_states l
     WHERE l.state_iso3 = s.iso3 AND l.visibility = 'SHARED'
     ORDER BY l.occurred_on DESC, l.created_at DESC, l.interaction_id DESC)
    UNION ALL
    (SELECT l.interaction_id, l.occurred_on, l.created_at FROM interaction_states l
     WHERE l.state_iso3 = s.iso3 AND l.visibility = 'COORDINATORS' AND coalesce(current_setting('bench.viewer_role', true), '') <> 'PARTNER'
     ORDER BY l.occurred_on DESC, l.created_at DESC, l.interaction_id DESC)
    UNION ALL
    (SELECT l.interaction_id, l.occurred_on, l.created_at FROM interaction_states l
     WHERE l.state_iso3 = s.iso3 AND l.visibility = 'ORGANIZATION' AND l.organization_id = nullif(current_setting('bench.viewer_org', true), '')::uuid
       AND coalesce(current_setting('bench.viewer_role', true), '') <> 'PARTNER'
     ORDER BY l.occurred_on DESC, l.created_at DESC, l.interaction_id DESC)) l
  JOIN interactions i ON i.id = l.interaction_id
  ORDER BY l.occurred_on DESC, l.created_at DESC, l.interaction_id DESC
$$;

-- The number of those, from the counts the link triggers keep (PostGraphile's own totalCount of
-- the connection above would count the rows of the function).
CREATE FUNCTION public.states_visible_interaction_count(s states) RETURNS int LANGUAGE sql STABLE AS $$
  SELECT coalesce(sum(c.count), 0)::int FROM state_interaction_counts c
  WHERE c.state_iso3 = s.iso3
    AND (c.visibility = 'SHARED'
         OR coalesce(current_setting('bench.viewer_role', true), '') <> 'PARTNER'
            AND (c.visibility = 'COORDINATORS' OR c.visibility = 'ORGANIZATION' AND c.organization_id = nullif(current_setting('bench.viewer_org', true), '')::uuid))
$$;

CREATE FUNCTION public.interactions_contacts_ordered(i interactions) RETURNS SETOF contacts LANGUAGE sql STABLE AS $$
  SELECT c.* FROM interaction_contacts l JOIN contacts c ON c.id = l.contact_id
  WHERE l.interaction_id = i.id ORDER BY c.full_name, c.id
$$;

-- Q3: the activity feed, newest first, with the service's rule for events: the (occurred_at, id)
-- index read backwards, each event checked against its interaction, until PostGraphile's LIMIT.
CREATE FUNCTION bench_peer.feed() RETURNS SETOF activity_events LANGUAGE sql STABLE AS $$
  SELECT e.* FROM activity_events e LEFT JOIN interactions i ON i.id = e.interaction_id
  WHERE CASE WHEN e.interaction_id IS NOT NULL THEN
               CASE WHEN current_setting('bench.viewer_role', true) = 'PARTNER' THEN i.visibility = 'SHARED'
                    ELSE i.visibility <> 'ORGANIZATION' OR i.organization_id = nullif(current_setting('bench.viewer_org', true), '')::uuid END
             WHEN e.visibility IS NULL THEN true
             ELSE CASE WHEN current_setting('bench.viewer_role', true) = 'PARTNER' THEN e.visibility = 'SHARED'
                       ELSE e.visibility <> 'ORGANIZATION' OR e.organization_id = nullif(current_setting('bench.viewer_org', true), '')::uuid END END
  ORDER BY e.occurred_at DESC, e.id DESC
$$;

CREATE FUNCTION public.activity_events_states(e activity_events) RETURNS SETOF states LANGUAGE sql STABLE AS $$
  SELECT s.* FROM unnest(e.state_iso3s) WITH ORDINALITY k(iso3, ord) JOIN states s ON s.iso3 = k.iso3 ORDER BY k.ord
$$;

-- W1: logInteraction, with the audit trail (the triggers read ratify.actor_id / ratify.action) and
-- the activity event the service writes.
CREATE FUNCTION bench_peer.log_interaction(type interaction_type, occurred_on date, subject text, visibility visibility,
                                           state_codes text[], contact_ids uuid[] DEFAULT '{}', summary text DEFAULT NULL, follow_up_on date DEFAULT NULL)
RETURNS interactions LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  actor uuid := nullif(current_setting('bench.viewer_id', true), '')::uuid;
  org uuid := nullif(current_setting('bench.viewer_org', true), '')::uuid;
  created interactions;
  names text;
  found_states int;
BEGIN
  PERFORM set_config('ratify.actor_id', actor::text, true), set_config('ratify.action', 'logInteraction', true);
  SELECT string_agg(s.name, ', ' ORDER BY s.name), count(*) INTO names, found_states FROM public.states s WHERE s.iso3 = ANY(state_codes);
  IF found_states <> cardinality(state_codes) THEN
    RAISE EXCEPTION 'Unknown State(s)' USING ERRCODE = 'P0002';
  END IF;
  IF (SELECT count(*) FROM public.contacts c WHERE c.id = ANY(contact_ids)) <> coalesce(cardinality(contact_ids), 0) THEN
    RAISE EXCEPTION 'Unknown contact(s)' USING ERRCODE = 'P0002';
  END IF;
  INSERT INTO public.interactions (id, type, occurred_on, subject, summary, follow_up_on, visibility, organization_id, author_id)
  VALUES (gen_random_uuid(), log_interaction.type, log_interaction.occurred_on, log_interaction.subject, log_interaction.summary,
          log_interaction.follow_up_on,
          CASE WHEN current_setting('bench.viewer_role', true) = 'PARTNER' THEN 'SHARED' ELSE coalesce(log_interaction.visibility, 'ORGANIZATION') END,
          org, actor)
  RETURNING * INTO created;
  INSERT INTO public.interaction_states (interaction_id, state_iso3) SELECT created.id, unnest(state_codes);
  INSERT INTO public.interaction_contacts (interaction_id, contact_id) SELECT created.id, unnest(contact_ids);
  INSERT INTO public.activity_events (id, kind, occurred_at, actor_id, organization_id, interaction_id, state_iso3s, summary)
  VALUES (gen_random_uuid(), 'INTERACTION_LOGGED', clock_timestamp(), actor, org, created.id, state_codes::char(3)[],
          CASE created.type WHEN 'LETTER' THEN 'Letter' WHEN 'BILATERAL_MEETING' THEN 'Bilateral meeting' WHEN 'PHONE_CALL' THEN 'Phone call'
            WHEN 'EMAIL' THEN 'E-mail' WHEN 'DEMARCHE' THEN 'Démarche' WHEN 'WORKSHOP' THEN 'Workshop'
            WHEN 'EVENT_MEETING' THEN 'Meeting at an event' ELSE 'Interaction' END || ' with ' || names || ': ' || created.subject);
  RETURN created;
END $$;

-- W4: recordObstacle, for a State that had not deposited on the day, with the audit trail and the
-- activity event the service writes (it follows the obstacle: its subject).
CREATE FUNCTION bench_peer.record_obstacle(state_code text, category obstacle_category, description text, visibility visibility DEFAULT 'COORDINATORS',
                                           measures text DEFAULT NULL, recorded_on date DEFAULT current_date)
RETURNS obstacles LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  actor uuid := nullif(current_setting('bench.viewer_id', true), '')::uuid;
  org uuid := nullif(current_setting('bench.viewer_org', true), '')::uuid;
  state public.states;
  created obstacles;
BEGIN
  PERFORM set_config('ratify.actor_id', actor::text, true), set_config('ratify.action', 'recordObstacle', true);
  SELECT * INTO state FROM public.states s WHERE s.iso3 = state_code;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'Unknown State' USING ERRCODE = 'P0002';
  END IF;
  IF state.consent_date IS NOT NULL AND state.consent_date <= recorded_on AND (state.withdrawal_date IS NULL OR state.withdrawal_date > recorded_on) THEN
    RAISE EXCEPTION 'Not an obstacle to joining: the State had deposited' USING ERRCODE = '22023';
  END IF;
  INSERT INTO public.obstacles (id, state_iso3, category, description, measures, recorded_on, recorded_by, visibility, organization_id)
  VALUES (gen_random_uuid(), state.iso3, record_obstacle.category, record_obstacle.description, record_obstacle.measures, record_obstacle.recorded_on,
          actor, record_obstacle.visibility, org)
  RETURNING * INTO created;
  INSERT INTO public.activity_events (id, kind, occurred_at, actor_id, organization_id, state_iso3s, summary, subject_id, template)
  VALUES (gen_random_uuid(), 'OBSTACLE_RECORDED', clock_timestamp(), actor, org, ARRAY[state.iso3],
          initcap(created.category::text) || ' obstacle recorded for ' || state.name, created.id, '{text} obstacle recorded for ' || state.name);
  RETURN created;
END $$;

-- W5: createContact, with its first posting, the audit trail and the activity event.
CREATE FUNCTION bench_peer.create_contact(full_name text, state_code text DEFAULT NULL, posting posting DEFAULT NULL, "position" text DEFAULT NULL,
                                          languages text[] DEFAULT '{}')
RETURNS contacts LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  actor uuid := nullif(current_setting('bench.viewer_id', true), '')::uuid;
  org uuid := nullif(current_setting('bench.viewer_org', true), '')::uuid;
  state_name text;
  created contacts;
BEGIN
  PERFORM set_config('ratify.actor_id', actor::text, true), set_config('ratify.action', 'createContact', true);
  IF state_code IS NOT NULL THEN
    SELECT s.name INTO state_name FROM public.states s WHERE s.iso3 = state_code;
    IF NOT FOUND THEN
      RAISE EXCEPTION 'Unknown State' USING ERRCODE = 'P0002';
    END IF;
  END IF;
  INSERT INTO public.contacts (id, full_name, position, posting, state_iso3, languages, created_by)
  VALUES (gen_random_uuid(), create_contact.full_name, create_contact."position", create_contact.posting, state_code, create_contact.languages, actor)
  RETURNING * INTO created;
  IF created.posting IS NOT NULL OR created.state_iso3 IS NOT NULL THEN
    INSERT INTO public.contact_postings (id, contact_id, posting, state_iso3, position, from_date, created_by)
    VALUES (gen_random_uuid(), created.id, created.posting, created.state_iso3, created.position, current_date, actor);
  END IF;
  INSERT INTO public.activity_events (id, kind, occurred_at, actor_id, organization_id, state_iso3s, summary)
  VALUES (gen_random_uuid(), 'CONTACT_ADDED', clock_timestamp(), actor, org, CASE WHEN state_code IS NULL THEN '{}' ELSE ARRAY[state_code] END,
          'Contact added' || coalesce(' for ' || state_name, '') || ': ' || created.full_name || coalesce(', ' || created.position, ''));
  RETURN created;
END $$;

-- W2: updateInteraction (its outcome), for the viewer's organization, from the version the client
-- read, with the audit trail and the activity event naming the interaction's States.
CREATE FUNCTION bench_peer.update_interaction(id uuid, expected_version int, outcome text)
RETURNS interactions LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  actor uuid := nullif(current_setting('bench.viewer_id', true), '')::uuid;
  org uuid := nullif(current_setting('bench.viewer_org', true), '')::uuid;
  updated interactions;
  codes char(3)[];
  names text;
BEGIN
  PERFORM set_config('ratify.actor_id', actor::text, true), set_config('ratify.action', 'updateInteraction', true);
  UPDATE public.interactions i SET outcome = update_interaction.outcome, version = i.version + 1, updated_at = now()
  WHERE i.id = update_interaction.id AND i.version = expected_version AND i.organization_id = org
  RETURNING * INTO updated;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'Not found, or changed since it was read' USING ERRCODE = '40001';
  END IF;
  SELECT array_agg(s.iso3 ORDER BY s.name), string_agg(s.name, ', ' ORDER BY s.name) INTO codes, names
  FROM public.interaction_states l JOIN public.states s ON s.iso3 = l.state_iso3 WHERE l.interaction_id = updated.id;
  INSERT INTO public.activity_events (id, kind, occurred_at, actor_id, organization_id, interaction_id, state_iso3s, summary, template)
  VALUES (gen_random_uuid(), 'INTERACTION_UPDATED', clock_timestamp(), actor, org, updated.id, coalesce(codes, '{}'),
          CASE updated.type WHEN 'LETTER' THEN 'Letter' WHEN 'BILATERAL_MEETING' THEN 'Bilateral meeting' WHEN 'PHONE_CALL' THEN 'Phone call'
            WHEN 'EMAIL' THEN 'E-mail' WHEN 'DEMARCHE' THEN 'Démarche' WHEN 'WORKSHOP' THEN 'Workshop'
            WHEN 'EVENT_MEETING' THEN 'Meeting at an event' ELSE 'Interaction' END || ' updated with ' || coalesce(names, '') || ': ' || updated.subject,
          NULL);
  RETURN updated;
END $$;

-- W3: setRatificationStage for a State without a deposit, recording the move and its event.
CREATE FUNCTION bench_peer.set_ratification_stage(iso3 text, stage ratification_stage, note text DEFAULT NULL)
RETURNS states LANGUAGE plpgsql VOLATILE AS $$
DECLARE
  actor uuid := nullif(current_setting('bench.viewer_id', true), '')::uuid;
  org uuid := nullif(current_setting('bench.viewer_org', true), '')::uuid;
  current public.states;
  moved public.states;
  change_id uuid := gen_random_uuid();
BEGIN
  PERFORM set_config('ratify.actor_id', actor::text, true), set_config('ratify.action', 'setRatificationStage', true);
  SELECT * INTO current FROM public.states s WHERE s.iso3 = set_ratification_stage.iso3 FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'Unknown State' USING ERRCODE = 'P0002';
  END IF;
  IF current.consent_date IS NOT NULL THEN
    RAISE EXCEPTION 'The State has deposited: its stage is DEPOSITED or JOINED' USING ERRCODE = '22023';
  END IF;
  IF current.ratification_stage = stage THEN
    RETURN current;
  END IF;
  UPDATE public.states s SET ratification_stage = stage, version = s.version + 1, updated_at = now() WHERE s.iso3 = current.iso3 RETURNING * INTO moved;
  INSERT INTO public.stage_changes (id, state_iso3, from_stage, to_stage, changed_by, note, visibility, organization_id, effective_on)
  VALUES (change_id, current.iso3, current.ratification_stage, stage, actor, note, 'COORDINATORS', org, current_date);
  INSERT INTO public.activity_events (id, kind, occurred_at, actor_id, organization_id, state_iso3s, summary, subject_id, template)
  VALUES (gen_random_uuid(), 'STAGE_CHANGED', clock_timestamp(), actor, org, ARRAY[current.iso3],
          current.name || ' moved from ' || current.ratification_stage || ' to ' || stage, change_id,
          current.name || ' moved from ' || current.ratification_stage || ' to ' || stage || '{extra}');
  RETURN moved;
END $$;
