// `@tollgate/router/testing`: test helpers, kept out of the main entry so a Lambda bundle never carries them.
export {
  proxyEvent,
  type ProxyEventInit,
  type RestProxyEvent,
  type RestProxyIdentity,
  type RestProxyRequestContext,
} from './proxy-event.js';
export {
  pathMatchingCases,
  referencePathMatch,
  templateGrammarCases,
  type PathMatch,
  type PathMatchingCase,
} from './reference-path-match.js';
