/**
 * Canned-response templates: `{{contact.firstName}}`-style variables, checked when a template is
 * saved (an unknown variable is a typo the author should see) and filled when it is used (a value
 * that is missing renders empty rather than leaving braces in a customer's reply).
 */
export const TEMPLATE_VARIABLES = [
  'contact.firstName',
  'contact.lastName',
  'contact.name',
  'contact.email',
  'agent.name',
  'agent.firstName',
  'agent.email',
  'conversation.subject',
] as const;
export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number];
export type TemplateValues = Partial<Record<TemplateVariable, string | null>>;

const VARIABLE = /\{\{\s*([^{}]*?)\s*\}\}/g;
const KNOWN = new Set<string>(TEMPLATE_VARIABLES);

export function unknownVariables(template: string): string[] {
  const unknown = new Set<string>();
  for (const [, name] of template.matchAll(VARIABLE)) if (!KNOWN.has(name!)) unknown.add(name!);
  return [...unknown];
}

export function renderTemplate(template: string, values: TemplateValues): string {
  return template.replace(VARIABLE, (_match, name: string) => (KNOWN.has(name) ? (values[name as TemplateVariable] ?? '') : ''));
}
