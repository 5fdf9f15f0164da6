// The layer decoder: a dedicated Web Worker that turns a layer file (a Blob) into its RGBA pixels with the
// browser's own image decoder, off the page's main thread. Chromium decodes a PNG lazily, when its pixels are
// first read, so reading them on the page froze it for 15–40 ms a layer; here it costs the page nothing, and the
// pixels come back as a transferred buffer (no copy). No color-space conversion and no premultiplication: the
// pixels are exactly the file's (every layer is opaque; see crates/atelier-render/src/layers.rs). Plain
// JavaScript, because it only calls browser APIs: a wasm module here would add its download and start-up for
// nothing. The page's side is src/layer_decoder.rs (through src/worker.rs, hence the "ready" and the ids).
self.onmessage = async ({ data: { id, blob } }) => {
  try {
    const bitmap = await createImageBitmap(blob, { colorSpaceConversion: 'none', premultiplyAlpha: 'none' });
    const { width, height } = bitmap;
    const context = new OffscreenCanvas(width, height).getContext('2d');
    context.drawImage(bitmap, 0, 0);
    bitmap.close();
    const { buffer } = context.getImageData(0, 0, width, height).data;
    self.postMessage({ id, width, height, rgba: buffer }, [buffer]);
  } catch {
    self.postMessage({ id, failed: true });
  }
};
self.postMessage('ready');
