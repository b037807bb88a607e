import { CRS84, GREGORIAN, OGC_LIMIT, OGC_MAX_OFFSET, OgcCollectionId } from '../../../contract'

// The OpenAPI 3.0 definition of /ogc (/req/oas30/oas-definition-2), written by hand: every parameter
// the routes accept is here, since any other is refused (/req/core/query-param-unknown), and every
// status code they answer with (/req/oas30/completeness). It leaves out its own paths, /api and
// /api.html (/per/core/api-definition-uri). The schemas follow the standard's OpenAPI fragments.

const ref = (to: string) => ({ $ref: `#/components/${to}` })
const json = (schema: object) => ({ 'application/json': { schema } })
const geojson = (schema: object) => ({ 'application/geo+json': { schema } })

const ERROR_RESPONSES = { '400': 'InvalidQuery', '401': 'Unauthenticated', '403': 'OutOfScope', '404': 'NotFound' } as const

const errors = (...codes: (keyof typeof ERROR_RESPONSES)[]) => ({
  '304': ref('responses/NotModified'),
  ...Object.fromEntries(codes.map((c) => [c, ref(`responses/${ERROR_RESPONSES[c]}`)])),
  '500': ref('responses/ServerError'),
})

/** Grids and regions are open; the cameras collection answers only to an API key of a city-wide account. */
const keyForCameras = { security: [{}, { apiKey: [] }] }

const link = {
  type: 'object',
  required: ['href', 'rel'],
  properties: {
    href: { type: 'string' }, rel: { type: 'string' }, type: { type: 'string' },
    hreflang: { type: 'string' }, title: { type: 'string' }, length: { type: 'integer' },
  },
}
const links = { type: 'array', items: ref('schemas/link') }

const extent = {
  type: 'object',
  properties: {
    spatial: {
      type: 'object',
      properties: {
        bbox: { type: 'array', minItems: 1, items: { type: 'array', minItems: 4, maxItems: 4, items: { type: 'number' } } },
        crs: { type: 'string', enum: [CRS84], default: CRS84 },
      },
    },
    temporal: {
      type: 'object',
      properties: {
        interval: {
          type: 'array', minItems: 1,
          items: { type: 'array', minItems: 2, maxItems: 2, items: { type: 'string', format: 'date-time', nullable: true } },
        },
        trs: { type: 'string', enum: [GREGORIAN], default: GREGORIAN },
      },
    },
  },
}

const collection = {
  type: 'object',
  required: ['id', 'links'],
  properties: {
    id: { type: 'string' }, title: { type: 'string' }, description: { type: 'string' },
    links, extent: ref('schemas/extent'),
    itemType: { type: 'string', default: 'feature' },
    crs: { type: 'array', items: { type: 'string' }, default: [CRS84] },
  },
}

const geometry = {
  type: 'object',
  required: ['type', 'coordinates'],
  properties: {
    type: { type: 'string', enum: ['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon'] },
    coordinates: { type: 'array', items: {} },
  },
}

const feature = {
  type: 'object',
  required: ['type', 'geometry', 'properties'],
  properties: {
    type: { type: 'string', enum: ['Feature'] },
    id: { type: 'string' },
    geometry: ref('schemas/geometryGeoJSON'),
    properties: { type: 'object', nullable: true },
    links,
  },
}

const featureCollection = {
  type: 'object',
  required: ['type', 'features'],
  properties: {
    type: { type: 'string', enum: ['FeatureCollection'] },
    features: { type: 'array', items: ref('schemas/featureGeoJSON') },
    links,
    timeStamp: { type: 'string', format: 'date-time' },
    numberMatched: { type: 'integer', minimum: 0 },
    numberReturned: { type: 'integer', minimum: 0 },
  },
}

/** The app's one error shape (errors.ts). */
const exception = {
  type: 'object',
  required: ['code', 'message'],
  properties: {
    code: { type: 'string' },
    message: { type: 'string' },
    issues: {
      type: 'array',
      items: { type: 'object', required: ['field', 'reason'], properties: { field: { type: 'string' }, reason: { type: 'string' } } },
    },
  },
}

const form = { in: 'query', required: false, style: 'form', explode: false }

const parameters = {
  collectionId: {
    name: 'collectionId', in: 'path', required: true, description: 'local identifier of a collection',
    schema: { type: 'string', enum: OgcCollectionId.options },
  },
  featureId: {
    name: 'featureId', in: 'path', required: true,
    description: 'local identifier of a feature: the grid or region code, the camera code', schema: { type: 'string' },
  },
  limit: {
    name: 'limit', ...form,
    description: `How many features a page holds at most. A larger value than ${OGC_LIMIT.max} is served as ${OGC_LIMIT.max}, not refused.`,
    schema: { type: 'integer', minimum: 1, maximum: OGC_LIMIT.max, default: OGC_LIMIT.default },
  },
  offset: {
    name: 'offset', ...form,
    description: 'Where the page starts among the matched features, in code order; the next and prev links set it.',
    schema: { type: 'integer', minimum: 0, maximum: OGC_MAX_OFFSET, default: 0 },
  },
  bbox: {
    name: 'bbox', ...form,
    description: 'Only features whose geometry intersects the box: west,south,east,north in CRS84 (or six numbers with heights, '
      + 'which play no part: the data has none). A west edge east of the east edge spans the antimeridian.',
    schema: { type: 'array', oneOf: [{ minItems: 4, maxItems: 4 }, { minItems: 6, maxItems: 6 }], items: { type: 'number' } },
  },
  datetime: {
    name: 'datetime', ...form,
    description: 'An RFC 3339 date-time or an interval (start/end, an open end as .. or empty). Grids meet it when they '
      + 'are valid at some time in it; regions and cameras have no time and always meet it.',
    schema: { type: 'string' },
  },
  f: { name: 'f', ...form, description: 'the format: JSON, the only one', schema: { type: 'string', enum: ['json'] } },
  fFeatures: {
    name: 'f', ...form, description: 'the format: GeoJSON, the only one, named json or geojson',
    schema: { type: 'string', enum: ['json', 'geojson'] },
  },
}

const responses = {
  NotModified: { description: 'Not modified: the response still has the ETag given in If-None-Match.' },
  InvalidQuery: { description: 'A query parameter is unknown or has an invalid value; issues names each.', content: json(ref('schemas/exception')) },
  NotFound: { description: 'No such collection or feature.', content: json(ref('schemas/exception')) },
  Unauthenticated: { description: 'The cameras collection without an API key (X-API-Key).', content: json(ref('schemas/exception')) },
  OutOfScope: { description: "The cameras collection with the key of an account whose scope is narrower than the city.", content: json(ref('schemas/exception')) },
  ServerError: { description: 'An internal error.', content: json(ref('schemas/exception')) },
}

/** The OpenAPI 3.0 document of the API mounted at `root` (an absolute URL, no trailing slash). */
export function ogcApiDocument(root: string) {
  return {
    openapi: '3.0.3',
    info: {
      title: '城市社会治理指挥中心 OGC API – Features',
      description: 'The city’s current grids, regions and Sharp Eyes cameras, read-only, as OGC API – Features – Part 1: Core '
        + '(OGC 17-069r4) with GeoJSON. No personal data.',
      version: '1.0.0',
    },
    servers: [{ url: root }],
    paths: {
      '/': {
        get: {
          operationId: 'getLandingPage', summary: 'Landing page',
          description: 'Links to the API definition, the conformance declaration and the collections.',
          parameters: [ref('parameters/f')],
          responses: { '200': { description: 'The landing page.', content: json(ref('schemas/landingPage')) }, ...errors('400') },
        },
      },
      '/conformance': {
        get: {
          operationId: 'getConformanceDeclaration', summary: 'Conformance declaration',
          description: 'The conformance classes this API implements.',
          parameters: [ref('parameters/f')],
          responses: { '200': { description: 'The conformance classes.', content: json(ref('schemas/confClasses')) }, ...errors('400') },
        },
      },
      '/collections': {
        get: {
          operationId: 'getCollections', summary: 'Collections',
          description: 'The grids, regions and cameras collections with their extents.',
          parameters: [ref('parameters/f')],
          responses: { '200': { description: 'The collections.', content: json(ref('schemas/collections')) }, ...errors('400') },
        },
      },
      '/collections/{collectionId}': {
        get: {
          operationId: 'describeCollection', summary: 'One collection',
          description: 'One collection, as the collections list shows it.',
          parameters: [ref('parameters/collectionId'), ref('parameters/f')],
          responses: { '200': { description: 'The collection.', content: json(ref('schemas/collection')) }, ...errors('400', '401', '403', '404') },
          ...keyForCameras,
        },
      },
      '/collections/{collectionId}/items': {
        get: {
          operationId: 'getFeatures', summary: 'Features of a collection',
          description: 'A page of the features in code order, with numberMatched, numberReturned and next and prev links.',
          parameters: ['collectionId', 'limit', 'offset', 'bbox', 'datetime', 'fFeatures'].map((p) => ref(`parameters/${p}`)),
          responses: {
            '200': { description: 'A page of features.', content: geojson(ref('schemas/featureCollectionGeoJSON')) },
            ...errors('400', '401', '403', '404'),
          },
          ...keyForCameras,
        },
      },
      '/collections/{collectionId}/items/{featureId}': {
        get: {
          operationId: 'getFeature', summary: 'One feature',
          description: 'One feature by its code.',
          parameters: [ref('parameters/collectionId'), ref('parameters/featureId'), ref('parameters/fFeatures')],
          responses: { '200': { description: 'The feature.', content: geojson(ref('schemas/featureGeoJSON')) }, ...errors('400', '401', '403', '404') },
          ...keyForCameras,
        },
      },
    },
    components: {
      securitySchemes: { apiKey: { type: 'apiKey', in: 'header', name: 'X-API-Key', description: 'An API key (gk_…); the cameras collection needs one.' } },
      parameters,
      responses,
      schemas: {
        link,
        landingPage: { type: 'object', required: ['links'], properties: { title: { type: 'string' }, description: { type: 'string' }, links } },
        confClasses: { type: 'object', required: ['conformsTo'], properties: { conformsTo: { type: 'array', items: { type: 'string' } } } },
        extent,
        collection,
        collections: { type: 'object', required: ['links', 'collections'], properties: { links, collections: { type: 'array', items: ref('schemas/collection') } } },
        geometryGeoJSON: geometry,
        featureGeoJSON: feature,
        featureCollectionGeoJSON: featureCollection,
        exception,
      },
    },
  }
}
export type OgcApiDocument = ReturnType<typeof ogcApiDocument>

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

/** The same definition as a page a person reads (the `service-doc`, /req/oas30/oas-definition-1). */
export function ogcApiHtml(doc: OgcApiDocument): string {
  const param = (p: { $ref: string }) => {
    const name = p.$ref.split('/').at(-1) as keyof typeof parameters
    const d = parameters[name]
    return `<li><code>${escape(d.name)}</code> (${d.in}${d.required ? ', required' : ''}): ${escape(d.description)}</li>`
  }
  const operations = Object.entries(doc.paths).map(([path, { get }]) => `
    <section>
      <h2><code>GET ${escape(doc.servers[0]!.url + path)}</code></h2>
      <p>${escape(get.summary)}: ${escape(get.description)}</p>
      <ul>${get.parameters.map(param).join('')}</ul>
      <p>Status codes: ${Object.keys(get.responses).join(', ')}</p>
    </section>`)
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escape(doc.info.title)}</title></head>
<body>
  <h1>${escape(doc.info.title)}</h1>
  <p>${escape(doc.info.description)}</p>
  <p>The OpenAPI 3.0 definition: <a href="${escape(doc.servers[0]!.url)}/api">${escape(doc.servers[0]!.url)}/api</a></p>
  ${operations.join('')}
</body></html>
`
}
