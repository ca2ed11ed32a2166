/**
 * The heap settings every Rapport process applies at start (`openRuntime`), and every bench that
 * runs the product inside its own process, so that it measures what the product runs.
 */
import { limitHeapGrowth } from './heap-growth.js';
import { stopPretenuring } from './pretenuring.js';

export function applyHeapSettings(): void {
  limitHeapGrowth();
  stopPretenuring();
}
