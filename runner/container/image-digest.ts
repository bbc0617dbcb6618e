/**
 * The digest of the image a SUT container ran from, for its certificate: the engine's image id
 * (`sha256:…`, the digest of the image configuration, the same on every engine for the same
 * image) and the registry digests when the image was pulled or pushed (`vendor/app@sha256:…`).
 */
import { getContainerRuntimeClient } from 'testcontainers';

export interface ImageDigest {
  id: string;
  repoDigests: string[];
}

export async function imageDigest(image: string): Promise<ImageDigest> {
  const client = await getContainerRuntimeClient();
  const info = (await client.container.dockerode.getImage(image).inspect()) as { Id: string; RepoDigests?: string[] };
  return { id: info.Id, repoDigests: info.RepoDigests ?? [] };
}
