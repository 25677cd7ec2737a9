import { getMetadataStorage } from 'class-validator';

type RuleStorage = ReturnType<typeof getMetadataStorage>;
type Rule = ReturnType<RuleStorage['getTargetValidationMetadatas']>[number];

const kept = new WeakSet<RuleStorage>();

/**
 * class-validator finds the rules of an object's class (its own and its bases') by going through
 * the rules of every class it knows, on every call to validate() and for every nested object
 * (typestack/class-validator#2686): with this service's couple of hundred input classes, the
 * largest share of the time and of the garbage of validating an argument. A class's rules are
 * registered when its module loads, before anything validates it, so the answer for a class and a
 * set of options is kept, with its grouping by property; a rule registered later (a decorator
 * applied at run time) forgets what was kept.
 */
export function keepValidationRules(storage: RuleStorage = getMetadataStorage()): void {
  if (kept.has(storage)) return;
  kept.add(storage);
  const find = storage.getTargetValidationMetadatas.bind(storage);
  const group = storage.groupByPropertyName.bind(storage);
  const register = storage.addValidationMetadata.bind(storage);
  let rules = new WeakMap<object, Map<string, Rule[]>>();
  let grouped = new WeakMap<Rule[], Record<string, Rule[]>>();

  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    const key = `${schema}\u0000${always}\u0000${strictGroups}\u0000${groups?.join('\u0000') ?? '-'}`;
    let forTarget = rules.get(target);
    if (!forTarget) rules.set(target, (forTarget = new Map<string, Rule[]>()));
    let found = forTarget.get(key);
    if (!found) forTarget.set(key, (found = find(target, schema, always, strictGroups, groups)));
    return found;
  };
  storage.groupByPropertyName = (metadata) => {
    let byProperty = grouped.get(metadata);
    if (!byProperty) grouped.set(metadata, (byProperty = group(metadata)));
    return byProperty;
  };
  storage.addValidationMetadata = (metadata) => {
    rules = new WeakMap();
    grouped = new WeakMap();
    register(metadata);
  };
}
