// @wordpress/api-fetch, the client of WordPress's admin JavaScript (FluentCart's admin uses it),
// against a running Cartpress: CARTPRESS_URL and the demo credentials come from the
// environment (var/run/cartpress.env of the instance under test).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import apiFetch from '@wordpress/api-fetch';

const url = process.env.CARTPRESS_URL;
const basic = 'Basic ' + Buffer.from(
    `${process.env.ADMIN_USER}:${process.env.ADMIN_APP_PASSWORD}`).toString('base64');

apiFetch.use(apiFetch.createRootURLMiddleware(`${url}/wp-json/`));
apiFetch.use((options, next) => next({
    ...options,
    headers: { ...options.headers, Authorization: basic },
}));

test('fetches an order graph', async () => {
    const data = await apiFetch({ path: '/fluent-cart/v2/orders/2' });
    assert.equal(data.order.id, 2);
    assert.equal(data.order.invoice_no, 'INV-2');
    assert.equal(data.order.customer.email, 'alice@example.com');
    assert.ok(Array.isArray(data.order.order_items));
    assert.equal(data.order.order_items[0].post_title, 'E-Book: Learning PHP');
    assert.deepEqual(data.order_settings, []);
});

test('maps errors to api-fetch rejections with the JSON body', async () => {
    await assert.rejects(apiFetch({ path: '/fluent-cart/v2/orders/999999' }), (error) => {
        assert.equal(error.code, 'fluent_cart_entity_not_found');
        return true;
    });
});

test('creates a customer and moves the order to it', async () => {
    const email = `api-fetch-${process.pid}@example.com`;
    const result = await apiFetch({
        path: '/fluent-cart/v2/orders/3/create-and-change-customer',
        method: 'POST',
        data: { email, full_name: 'Api Fetch' },
    });
    assert.deepEqual(result, { message: 'Customer changed successfully' });
    const after = await apiFetch({ path: '/fluent-cart/v2/orders/3' });
    assert.equal(after.order.customer.email, email);
    assert.equal(after.order.customer.full_name, 'Api Fetch');
    // The same email again is FluentCart's 422 bag.
    await assert.rejects(apiFetch({
        path: '/fluent-cart/v2/orders/4/create-and-change-customer',
        method: 'POST',
        data: { email: email.toUpperCase(), full_name: 'Again' },
    }), (error) => {
        assert.deepEqual(error, { email: { exist: 'Email already exists.' } });
        return true;
    });
});
