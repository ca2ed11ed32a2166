/** A stable machine key from a label: "Shoe size" → "shoe_size" (what the API's key pattern allows). */
export function fieldKeyOf(label: string): string {
  const key = label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^[^a-z]+/, '')
    .replace(/_+$/, '')
    .slice(0, 63);
  return key;
}

export const hasOptions = (type: string) => type === 'select' || type === 'multi_select';
