// Checks the converted ONNX models against the original TF.js networks on identical random input.
// Run from a scratch directory outside the repository that has @tensorflow/tfjs@4 and onnxruntime-node
// installed (see README.md):  node verify.mjs FACE_API_ESM MODEL_DIR ONNX_DIR
// FACE_API_ESM is face-api's dist/face-api.esm-nobundle.js with its tfjs imports pointed at "@tensorflow/tfjs".
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import ort from 'onnxruntime-node';

const [faceApiPath, modelDir, onnxDir] = process.argv.slice(2);
const faceapi = await import(pathToFileURL(path.resolve(faceApiPath)).href);
await tf.setBackend('cpu');

// A fixed linear congruential sequence, so a run can be repeated bit for bit.
let seed = 12345;
const nextPixel = () => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return Math.floor((seed / 2147483648) * 256);
};

function randomImage(size) {
  const nhwc = new Float32Array(size * size * 3).map(nextPixel);
  const nchw = new Float32Array(nhwc.length);
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++)
      for (let c = 0; c < 3; c++)
        nchw[c * size * size + y * size + x] = nhwc[(y * size + x) * 3 + c];
  return { nhwc, nchw };
}

function loadTfjs(net, name) {
  const manifest = JSON.parse(fs.readFileSync(path.join(modelDir, `${name}-weights_manifest.json`), 'utf8'));
  const specs = manifest.flatMap((group) => group.weights);
  const buffers = manifest.flatMap((group) => group.paths.map((p) => fs.readFileSync(path.join(modelDir, p))));
  const data = Buffer.concat(buffers);
  net.loadFromWeightMap(tf.io.decodeWeights(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength), specs));
  return net;
}

async function runOnnx(file, size, nchw) {
  const session = await ort.InferenceSession.create(path.join(onnxDir, file));
  const result = await session.run({ image: new ort.Tensor('float32', nchw, [1, 3, size, size]) });
  return result[session.outputNames[0]].data;
}

function maxDifference(a, b) {
  if (a.length !== b.length) throw new Error(`length ${a.length} != ${b.length}`);
  let max = 0;
  let scale = 0;
  for (let i = 0; i < a.length; i++) {
    max = Math.max(max, Math.abs(a[i] - b[i]));
    scale = Math.max(scale, Math.abs(a[i]));
  }
  return { max, scale };
}

async function check(label, net, weights, file, size, tfjsOutput) {
  loadTfjs(net, weights);
  const { nhwc, nchw } = randomImage(size);
  const input = tf.tensor4d(nhwc, [1, size, size, 3]);
  const expected = await tfjsOutput(net, input);
  const actual = await runOnnx(file, size, nchw);
  const { max, scale } = maxDifference(expected, actual);
  console.log(`${label}: ${expected.length} values, largest |value| ${scale.toExponential(3)}, max |TF.js - ONNX| ${max.toExponential(3)}`);
  return max / Math.max(scale, 1e-9);
}

// The detector's TF.js output is NHWC [1,13,13,25]; the ONNX one is NCHW [1,25,13,13].
const gridToNchw = (data, cells, channels) => {
  const out = new Float32Array(data.length);
  for (let i = 0; i < cells * cells; i++)
    for (let c = 0; c < channels; c++)
      out[c * cells * cells + i] = data[i * channels + c];
  return out;
};

const relative = [
  await check('tiny face detector', new faceapi.TinyFaceDetector(), 'tiny_face_detector_model', 'tiny_face_detector.onnx', 416,
    async (net, input) => gridToNchw(await (await net.forward(input, 416)).data(), 13, 25)),
  await check('68 landmarks', new faceapi.FaceLandmark68Net(), 'face_landmark_68_model', 'face_landmark_68.onnx', 112,
    async (net, input) => (await net.forward(input)).data()),
  await check('recognition', new faceapi.FaceRecognitionNet(), 'face_recognition_model', 'face_recognition.onnx', 150,
    async (net, input) => (await net.forward(input)).data()),
];
if (relative.some((r) => r > 1e-4)) {
  console.error('FAIL: a converted network differs from TF.js by more than 1e-4 of its output range');
  process.exit(1);
}
console.log('OK: all three networks match TF.js');
