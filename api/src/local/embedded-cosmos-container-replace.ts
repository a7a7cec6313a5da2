/**
 * Replacing a container (e.g. to add an index the code now declares) keeps its documents, as in
 * Azure Cosmos DB. The embedded server's replace deletes the container object and sets a new, empty
 * one, so `ensureContainers` upgrading an older local store would have wiped it. Here the new object
 * takes over the old one's documents, UDFs and partition key ranges. Local stack only.
 */
import { serverModule, type ItemsStore } from './embedded-cosmos-internals.js';

type ContainerObject = Record<'documents' | 'userDefinedFunctions' | 'partitionKeyRanges', ItemsStore>;
type CollectionsClass = { prototype: ItemsStore & { replace(data: { id: string }, original: { id: string }): { id: string } } };

const Collections = serverModule<CollectionsClass>('account/collections');
const CONTENTS = ['documents', 'userDefinedFunctions', 'partitionKeyRanges'] as const;
let installed = false;

/** `target` (a new container object) holds what `source` held. */
export function adoptContainerContents(target: object, source: object): void {
  for (const key of CONTENTS) {
    const store = (source as ContainerObject)[key];
    store._parent = target;
    (target as ContainerObject)[key] = store;
  }
}

export function installContainerReplaceKeepsDocuments(): void {
  if (installed) return;
  installed = true;
  const originalReplace = Collections.prototype.replace;
  Collections.prototype.replace = function (this: ItemsStore, data, original) {
    const before = this._item('/id', original.id, this._getPartition(original));
    const replaced = originalReplace.call(this, data, original);
    adoptContainerContents(this._item('/id', replaced.id, this._getPartition(replaced)), before);
    return replaced;
  };
}
