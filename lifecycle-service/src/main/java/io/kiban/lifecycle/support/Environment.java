package io.kiban.lifecycle.support;

/**
 * The two leased environments and SHARED (the distribution board, removed with the last
 * environment). Path parameters and body fields are this type directly (#19): an unknown value in a
 * path is a resource that does not exist (404, JAX-RS), in a query parameter 400 (commons'
 * EnumParamConverterProvider), in a body field 400 naming the field (commons' problem mappers).
 */
public enum Environment {
    PRODUCTION,
    STAGING,
    SHARED
}
