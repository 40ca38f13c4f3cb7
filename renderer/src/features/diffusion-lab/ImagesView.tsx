/**
 * Live image experiments on Bedrock: text-to-image and image variation with Nova Canvas or Titan
 * Image Generator v2, and image-to-text with a vision model ("how many apples?"). Every image is
 * kept in the gallery (IndexedDB) with the parameters that made it and its cost. A container: the
 * parts are GenerateImages, DescribeImage and Gallery.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { Link } from 'wouter';
import type { AppError } from '../../../../shared/result';
import { useSettings } from '../../app/settings-context';
import { ErrorPanel } from '../../components/ConnectionStatus';
import { listImages } from '../../db/gallery';
import { DescribeImage } from './DescribeImage';
import { Gallery } from './Gallery';
import { GenerateImages } from './GenerateImages';

export function ImagesView() {
  const gallery = useLiveQuery(listImages, []) ?? [];
  const [error, setError] = useState<AppError | null>(null);
  const { state } = useSettings();
  const region = state?.settings.aws.region ?? 'us-east-1';
  return (
    <div className="images-view">
      <p className="muted small">
        These call Amazon Bedrock with your AWS account (<Link href="/settings">Settings</Link>).
      </p>
      {error ? <ErrorPanel error={error} /> : null}
      <GenerateImages gallery={gallery} region={region} onError={setError} />
      <DescribeImage gallery={gallery} region={region} />
      <Gallery gallery={gallery} />
    </div>
  );
}
