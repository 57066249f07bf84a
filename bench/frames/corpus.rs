// The frame-size corpus of corpus.cpp in Rust: the same 25 async functions,
// in the same order. Prints "name result size_of_val(future) 0" per function
// (the format of the C++ builds), where the future is created and measured
// before its first poll, then run to completion with a no-op waker.
// No external crates: build with `rustc -O --edition 2021 corpus.rs`.
use std::future::Future;
use std::hint::black_box;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};

// Pending once, then ready with `value`: {i32, bool}, 8 bytes like tick_future.
struct Tick {
    value: i32,
    polled: bool,
}
impl Future for Tick {
    type Output = i32;
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<i32> {
        if self.polled {
            Poll::Ready(self.value)
        } else {
            self.polled = true;
            cx.waker().wake_by_ref();
            Poll::Pending
        }
    }
}
fn tick() -> Tick {
    Tick { value: 1, polled: false }
}

// use(p): opaque.
#[inline(never)]
fn use_<T: ?Sized>(p: &T) {
    black_box(p);
}

async fn two_phases() -> i32 {
    let mut total = 0;
    {
        let a = black_box([1u8; 256]);
        use_(&a);
        total += tick().await;
        use_(&a);
        total += a[3] as i32;
    }
    {
        let b = black_box([2u8; 256]);
        use_(&b);
        total += tick().await;
        use_(&b);
        total += b[5] as i32;
    }
    total
}

async fn sensor_loop() -> i32 {
    let mut stats = [0f32; 16];
    for i in 0..10 {
        {
            let mut scratch = [0f32; 64];
            for k in 0..64 {
                scratch[k] = (k as i32 * i) as f32;
            }
            use_(&scratch);
            stats[i as usize] = scratch[i as usize];
        }
        tick().await;
    }
    use_(&stats);
    stats[3] as i32
}

async fn small() -> i32 {
    let a = tick().await;
    let b = tick().await;
    a + b
}

async fn straight_line() -> i32 {
    let a = tick().await;
    let b = tick().await;
    let c = tick().await;
    a + b * 2 + c * 3
}

async fn count_ticks(n: i32) -> i32 {
    let mut sum = 0;
    for _ in 0..n {
        sum += tick().await;
    }
    sum
}

async fn nested_small() -> i32 {
    let x = small().await;
    let y = small().await;
    x * 10 + y
}

async fn big_buffer() -> i32 {
    let msg = black_box([7u8; 512]);
    use_(&msg);
    let t = tick().await;
    use_(&msg);
    msg[100] as i32 + t
}

async fn three_phases() -> i32 {
    let mut total = 0;
    {
        let mut a = [0i32; 32];
        for k in 0..32 {
            a[k] = k as i32;
        }
        use_(&a);
        total += tick().await;
        use_(&a);
        total += a[1];
    }
    {
        let mut b = [0i32; 32];
        for k in 0..32 {
            b[k] = 2 * k as i32;
        }
        use_(&b);
        total += tick().await;
        use_(&b);
        total += b[2];
    }
    {
        let mut c = [0i32; 32];
        for k in 0..32 {
            c[k] = 3 * k as i32;
        }
        use_(&c);
        total += tick().await;
        use_(&c);
        total += c[3];
    }
    total
}

async fn branchy(mode: i32) -> i32 {
    let mut r;
    if mode > 0 {
        let big = black_box([3u8; 200]);
        use_(&big);
        r = tick().await;
        use_(&big);
        r += big[0] as i32;
    } else {
        let mut s = [0i16; 20];
        for k in 0..20 {
            s[k] = k as i16;
        }
        use_(&s);
        r = tick().await;
        use_(&s);
        r += s[4] as i32;
    }
    r
}

async fn wait_until(target: i32) -> i32 {
    let mut seen = 0;
    while seen < target {
        seen += tick().await;
    }
    seen
}

async fn dispatch(cmd: i32) -> i32 {
    let mut out;
    match cmd {
        0 => {
            out = tick().await;
        }
        1 => {
            let buf = [1i32, 2, 3, 4, 5, 6, 7, 8];
            use_(&buf);
            out = tick().await;
            out += buf[7];
        }
        _ => {
            out = -1;
        }
    }
    out
}

struct Reading {
    id: i32,
    value: f32,
    min: f32,
    max: f32,
    stamp: i64,
}
async fn struct_local() -> i32 {
    let mut r = Reading { id: 1, value: 0.0, min: 1e9, max: -1e9, stamp: 0 };
    for i in 0..4 {
        let t = tick().await;
        let v = (t * i) as f32;
        r.value = v;
        if v < r.min {
            r.min = v;
        }
        if v > r.max {
            r.max = v;
        }
        r.stamp += i as i64;
    }
    black_box(r.value);
    (r.max - r.min) as i32 + r.stamp as i32 + r.id
}

async fn early_exit(limit: i32) -> i32 {
    let mut acc = 0;
    for _ in 0..100 {
        acc += tick().await;
        if acc >= limit {
            return acc;
        }
    }
    -1
}

async fn with_params(a: i32, b: i32, c: i32) -> i32 {
    let x = tick().await;
    let y = tick().await;
    a * x + b * y + c
}

async fn fill_and_wait<const N: usize>() -> i32 {
    let mut data = [0i32; N];
    for k in 0..N {
        data[k] = k as i32;
    }
    use_(&data);
    let t = tick().await;
    use_(&data);
    data[N - 1] + t
}

struct SensorDev {
    bias: i32,
}
impl SensorDev {
    async fn read(&self, samples: i32) -> i32 {
        let mut sum = 0;
        for _ in 0..samples {
            let t = tick().await;
            sum += t + self.bias;
        }
        sum
    }
}

async fn retry_loop() -> i32 {
    let mut tries = 0;
    let mut got = 0;
    loop {
        got += tick().await;
        tries += 1;
        if !(got < 3) {
            break;
        }
    }
    tries
}

static GUARDS_ALIVE: std::sync::atomic::AtomicI32 = std::sync::atomic::AtomicI32::new(0);
struct Guard;
impl Guard {
    fn new() -> Guard {
        GUARDS_ALIVE.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        Guard
    }
}
impl Drop for Guard {
    fn drop(&mut self) {
        GUARDS_ALIVE.fetch_sub(1, std::sync::atomic::Ordering::Relaxed);
    }
}
// The C++ guard holds an int* (8 bytes); a Rust guard needs no pointer to a
// static, so it is given one to keep the frames comparable.
struct PtrGuard(&'static std::sync::atomic::AtomicI32, Guard);
async fn raii_guard() -> i32 {
    let _g = PtrGuard(&GUARDS_ALIVE, Guard::new());
    let mut a = tick().await;
    {
        let _inner = PtrGuard(&GUARDS_ALIVE, Guard::new());
        a += tick().await;
        a += GUARDS_ALIVE.load(std::sync::atomic::Ordering::Relaxed);
    }
    a
}

async fn nested_deep() -> i32 {
    let mut r = nested_small().await;
    r += with_params(1, 2, 3).await;
    r
}

async fn pointer_to_local() -> i32 {
    let mut x = 5;
    let p = &mut x;
    use_(p);
    let t = tick().await;
    *p += t;
    x
}

async fn filter_loop() -> i32 {
    let mut acc = 0;
    for i in 0..4usize {
        {
            let mut window = [0i32; 32];
            for k in 0..32 {
                window[k] = (k + i) as i32;
            }
            use_(&window);
            acc += window[i];
        }
        let t = tick().await;
        {
            let mut out = [0i32; 32];
            for k in 0..32 {
                out[k] = k as i32 * t;
            }
            use_(&out);
            acc += out[i];
        }
    }
    acc
}

async fn staggered_locals() -> i32 {
    let a = tick().await;
    let mut b = tick().await;
    b += a;
    let mut c = tick().await;
    c += b;
    let mut d = tick().await;
    d += c;
    a + b + c + d
}

async fn parse_frame() -> i32 {
    let mut frame = [0u8; 32];
    let mut len = 0usize;
    while len < 8 {
        let byte = tick().await;
        frame[len] = (byte + len as i32) as u8;
        len += 1;
    }
    use_(&frame);
    let mut sum = 0;
    for k in 0..len {
        sum += frame[k] as i32;
    }
    sum
}

async fn moving_average() -> i32 {
    let mut window = [0i32; 8];
    let mut sum = 0;
    for i in 0..12 {
        let v = tick().await;
        sum += v * i - window[(i % 8) as usize];
        window[(i % 8) as usize] = v * i;
    }
    sum
}

fn block_on<F: Future>(f: F) -> F::Output {
    let mut f = std::pin::pin!(f);
    let mut cx = Context::from_waker(Waker::noop());
    loop {
        if let Poll::Ready(v) = f.as_mut().poll(&mut cx) {
            return v;
        }
    }
}

fn report<F: Future<Output = i32>>(name: &str, f: F) {
    let size = std::mem::size_of_val(&f);
    let result = block_on(f);
    println!("{} {} {} 0", name, result, size);
}

fn main() {
    let dev = SensorDev { bias: 3 };
    report("two_phases", two_phases());
    report("sensor_loop", sensor_loop());
    report("small", small());
    report("straight_line", straight_line());
    report("count_ticks", count_ticks(5));
    report("nested_small", nested_small());
    report("big_buffer", big_buffer());
    report("three_phases", three_phases());
    report("branchy", branchy(1));
    report("wait_until", wait_until(4));
    report("dispatch", dispatch(1));
    report("struct_local", struct_local());
    report("early_exit", early_exit(3));
    report("with_params", with_params(4, 5, 6));
    report("fill_and_wait_16", fill_and_wait::<16>());
    report("fill_and_wait_64", fill_and_wait::<64>());
    report("sensor_dev_read", dev.read(3));
    report("retry_loop", retry_loop());
    report("raii_guard", raii_guard());
    report("nested_deep", nested_deep());
    report("pointer_to_local", pointer_to_local());
    report("filter_loop", filter_loop());
    report("staggered_locals", staggered_locals());
    report("parse_frame", parse_frame());
    report("moving_average", moving_average());
    std::process::exit(GUARDS_ALIVE.load(std::sync::atomic::Ordering::Relaxed));
}
