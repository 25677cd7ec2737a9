-- Removes what bench/peer/schema.sql created.
DROP FUNCTION IF EXISTS public.states_treaty_status(states), public.states_last_interaction_on(states), public.states_obstacles(states),
  public.states_votes_newest(states), public.states_visible_interactions(states), public.states_visible_interaction_count(states),
  public.interactions_contacts_ordered(interactions),
  public.activity_events_states(activity_events);
DROP SCHEMA IF EXISTS bench_peer CASCADE;
