/*
 * response_cache.c — see response_cache.h.
 */
#include "response_cache.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    pthread_mutex_t lock;
    char *key;                   /* NULL when empty */
    uint64_t generation;
    int status;
    char *body;
    size_t len;
} cache_slot;

struct response_cache {
    cache_slot *slots;
    size_t count;
    size_t max_bytes, bytes;     /* bytes is guarded by budget_lock */
    pthread_mutex_t budget_lock;
};

static uint64_t key_hash(const char *s)
{
    uint64_t h = 1469598103934665603ull;        /* FNV-1a */
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ull;
    return h;
}

response_cache *response_cache_new(size_t slots, size_t max_bytes)
{
    response_cache *c = xcalloc(1, sizeof *c);
    c->count = slots ? slots : 1;
    c->slots = xcalloc(c->count, sizeof *c->slots);
    for (size_t i = 0; i < c->count; i++)
        pthread_mutex_init(&c->slots[i].lock, NULL);
    c->max_bytes = max_bytes;
    pthread_mutex_init(&c->budget_lock, NULL);
    return c;
}

void response_cache_free(response_cache *c)
{
    if (!c)
        return;
    for (size_t i = 0; i < c->count; i++) {
        free(c->slots[i].key);
        free(c->slots[i].body);
        pthread_mutex_destroy(&c->slots[i].lock);
    }
    pthread_mutex_destroy(&c->budget_lock);
    free(c->slots);
    free(c);
}

bool response_cache_get(response_cache *c, const char *key, uint64_t generation, int *status, byte_buffer *body)
{
    cache_slot *s = &c->slots[key_hash(key) % c->count];
    bool hit = false;
    pthread_mutex_lock(&s->lock);
    if (s->key && s->generation == generation && strcmp(s->key, key) == 0) {
        buffer_truncate(body, 0);
        buffer_append(body, s->body, s->len);
        *status = s->status;
        hit = true;
    }
    pthread_mutex_unlock(&s->lock);
    return hit;
}

/* Moves budget by delta (may be negative); false, changing nothing, if
 * growing would pass the limit. */
static bool charge(response_cache *c, size_t add, size_t remove)
{
    pthread_mutex_lock(&c->budget_lock);
    bool ok = c->bytes - remove + add <= c->max_bytes;
    if (ok)
        c->bytes = c->bytes - remove + add;
    pthread_mutex_unlock(&c->budget_lock);
    return ok;
}

void response_cache_put(response_cache *c, const char *key, uint64_t generation, int status, const char *body,
                        size_t len)
{
    cache_slot *s = &c->slots[key_hash(key) % c->count];
    size_t key_len = strlen(key);
    size_t size = key_len + len;
    pthread_mutex_lock(&s->lock);
    size_t old = s->key ? strlen(s->key) + s->len : 0;
    if (charge(c, size, old)) {
        free(s->key);
        free(s->body);
        s->key = xstrndup(key, key_len);
        s->body = xmalloc(len + 1);
        memcpy(s->body, body, len);
        s->body[len] = '\0';
        s->len = len;
        s->status = status;
        s->generation = generation;
    }
    pthread_mutex_unlock(&s->lock);
}
