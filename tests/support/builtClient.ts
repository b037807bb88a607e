import { ensureClientBuilt } from '../../server/src/clientBuild'

/** Browser tests load the built client, as `npm start` serves it. */
export default async function setup(): Promise<void> {
  await ensureClientBuilt()
}
