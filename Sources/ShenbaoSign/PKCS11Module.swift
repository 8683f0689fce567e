import CPKCS11
import Foundation
import ShenbaoCore
#if canImport(Glibc)
import Glibc
#endif

/// A PKCS#11 module (OASIS PKCS#11 v2.40 §5.2): a vendor's shared library, loaded with `dlopen`
/// and reached through the function list `C_GetFunctionList` returns.
///
/// A module is initialised once per process and stays loaded: `C_Finalize` would close the
/// sessions of every other user of the same module in the process, so it is never called.
final class PKCS11Module: @unchecked Sendable {
    /// The module's functions; the library stays loaded, so the pointer stays valid.
    let functions: UnsafeMutablePointer<CK_FUNCTION_LIST>
    /// The path it was loaded from, for messages.
    let path: String

    /// Modules loaded so far, by path.
    private static let loaded = Locked<[String: PKCS11Module]>([:])

    /// The module at `path`, loaded and initialised on first use.
    static func load(_ path: String, uri: String) throws -> PKCS11Module {
        try loaded.withLock { modules in
            if let module = modules[path] { return module }
            let module = try PKCS11Module(path: path, uri: uri)
            modules[path] = module
            return module
        }
    }

    private init(path: String, uri: String) throws {
        self.path = path
        guard let library = dlopen(path, RTLD_NOW | RTLD_LOCAL) else {
            let reason = dlerror().map { String(cString: $0) } ?? "dlopen failed"
            throw SigningFailure.refuse(.signToken, uri,
                zh: "无法加载 PKCS#11 模块 \(path)：\(reason)", en: "cannot load the PKCS#11 module \(path): \(reason)")
        }
        guard let symbol = dlsym(library, "C_GetFunctionList") else {
            throw SigningFailure.refuse(.signToken, uri,
                zh: "\(path) 不是 PKCS#11 模块（没有 C_GetFunctionList）", en: "\(path) is not a PKCS#11 module (no C_GetFunctionList)")
        }
        let getFunctionList = unsafeBitCast(symbol, to: CK_C_GetFunctionList.self)
        var list: UnsafeMutablePointer<CK_FUNCTION_LIST>?
        let rv = getFunctionList(&list)
        guard rv == CKR_OK, let list else { throw Self.failure("C_GetFunctionList", rv, uri: uri) }
        functions = list
        // The module may be called from several threads; it locks with the OS's own primitives.
        var arguments = CK_C_INITIALIZE_ARGS(CreateMutex: nil, DestroyMutex: nil, LockMutex: nil, UnlockMutex: nil,
                                             flags: CKF_OS_LOCKING_OK, pReserved: nil)
        let initialized = try call("C_Initialize", uri: uri, list.pointee.C_Initialize) { $0(&arguments) }
        guard initialized == CKR_OK || initialized == CKR_CRYPTOKI_ALREADY_INITIALIZED else {
            throw Self.failure("C_Initialize", initialized, uri: uri)
        }
    }

    /// Calls one function of the list, failing when the module does not provide it; returns its
    /// `CK_RV` for the caller to judge.
    func call<F>(_ name: String, uri: String, _ function: F?, _ body: (F) -> CK_RV) throws -> CK_RV {
        guard let function else {
            throw SigningFailure.refuse(.signToken, uri,
                zh: "PKCS#11 模块 \(path) 不提供 \(name)", en: "the PKCS#11 module \(path) does not provide \(name)")
        }
        return body(function)
    }

    /// Calls one function and fails on anything but `CKR_OK`.
    func check<F>(_ name: String, uri: String, _ function: F?, _ body: (F) -> CK_RV) throws {
        let rv = try call(name, uri: uri, function, body)
        guard rv == CKR_OK else { throw Self.failure(name, rv, uri: uri) }
    }

    /// A function that returned an error code, named with the code in hex as the standard lists it.
    static func failure(_ name: String, _ rv: CK_RV, uri: String) -> ShenbaoFailure {
        let code = "CKR 0x" + String(rv, radix: 16)
        return SigningFailure.refuse(.signToken, uri,
            zh: "PKCS#11 调用 \(name) 失败（\(code)）", en: "the PKCS#11 call \(name) failed (\(code))")
    }
}
